// Copies a loop body with its induction variable and iter args substituted and nested loops renamed.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.IRMapping;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Body copies for unrolling, jamming and remainder loops. */
final class BodyCloner {
  private BodyCloner() {}

  /** The cloned ops (without the yield) and the values the copy yields. */
  record Copy(List<Operation> ops, List<Value> yielded) {}

  /**
   * Clones the body of {@code forOp} with the induction variable replaced by {@code iv} and the iter
   * args by {@code iterArgs}. Nested loops get {@code suffix} appended to their names (kept unique
   * against {@code taken}) unless suffix is null.
   */
  static Copy clone(Operation forOp, Value iv, List<Value> iterArgs, String suffix,
      Set<String> taken) {
    IRMapping m = new IRMapping();
    m.map(AffineOps.inductionVar(forOp), iv);
    List<Value> args = AffineOps.iterArgs(forOp);
    for (int i = 0; i < args.size(); i++) {
      m.map(args.get(i), iterArgs.get(i));
    }
    List<Operation> ops = new ArrayList<>();
    for (Operation op : AffineOps.bodyOps(forOp)) {
      Operation c = op.clone(m);
      ops.add(suffix == null ? c : renameLoops(c, suffix, taken));
    }
    List<Value> yielded = AffineOps.yielded(forOp).stream().map(m::lookupOrSelf).toList();
    return new Copy(ops, yielded);
  }

  /** Clones {@code ops} through {@code m}, renaming nested loops with {@code suffix} when non-null. */
  static List<Operation> cloneOps(List<Operation> ops, IRMapping m, String suffix,
      Set<String> taken) {
    List<Operation> out = new ArrayList<>();
    for (Operation op : ops) {
      Operation c = op.clone(m);
      out.add(suffix == null ? c : renameLoops(c, suffix, taken));
    }
    return out;
  }

  /** Every loop under {@code op} (inclusive) renamed {@code name + suffix}, made unique. */
  static Operation renameLoops(Operation op, String suffix, Set<String> taken) {
    return IrRewrite.mapOps(op, o -> {
      if (!o.is(AffineOps.FOR) || LoopHandles.nameOf(o) == null) {
        return List.of(o);
      }
      String name = LoopHandles.fresh(LoopHandles.nameOf(o) + suffix, taken);
      taken.add(name);
      return List.of(LoopHandles.withName(o, name));
    });
  }

  /** {@code affine.apply (d0) -> (d0 + offset)} of {@code base}. */
  static Operation offset(Value base, long offset) {
    return AffineOps.apply(AffineMap.of(1, 0, AffineExpr.dim(0).plus(offset)), List.of(base));
  }

  /** {@code affine.apply} of a single-result map plus a constant, over the map's operands. */
  static Operation shifted(AffineMap map, List<Value> operands, long offset) {
    return AffineOps.apply(new AffineMap(map.numDims(), map.numSymbols(),
        List.of(map.result(0).plus(offset))), operands);
  }
}
