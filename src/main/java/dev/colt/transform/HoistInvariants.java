// Loop-invariant code motion: moves pure ops and loads of memrefs the loop never writes out of a loop.
package dev.colt.transform;

import dev.colt.analysis.Access;
import dev.colt.analysis.AffineOps;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves ops of {@code loop}'s body (top level only) that compute the same value in every
 * iteration to just before the loop: arith/math/vector value ops and affine.apply whose operands
 * are defined outside the loop (or by ops already hoisted), and affine.load/vector_load from a
 * memref that nothing inside the loop writes. Ops with regions and stores stay. Refused when
 * nothing is invariant.
 */
public record HoistInvariants(String loop) implements LoopTransform {

  @Override
  public Optional<Refusal> check(Operation func) {
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> f = Targets.loop(da.forest(), loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    if (invariants(da, f.value()).isEmpty()) {
      return Optional.of(new Refusal.NothingToDo("loop-invariant code motion",
          "nothing in the body of '" + loop + "' is invariant"));
    }
    return Optional.empty();
  }

  private static List<Operation> invariants(DependenceAnalysis da, LoopForest.Loop l) {
    LoopForest forest = da.forest();
    Operation op = l.op();
    boolean unknown = Targets.unknownEffects(da, l) != null;
    Set<Value> written = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Access a : da.accesses()) {
      if (a.write() && forest.isInside(a.op(), op)) {
        written.add(a.memref());
      }
    }
    Set<Value> hoisted = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Operation> out = new ArrayList<>();
    for (Operation b : AffineOps.bodyOps(op)) {
      if (!b.regions().isEmpty() || b.results().isEmpty()) {
        continue;
      }
      boolean movable = switch (b.dialect()) {
        case "arith", "math" -> true;
        case "vector" -> b.is(AffineOps.VECTOR_BROADCAST) || b.is(AffineOps.VECTOR_FMA)
            || b.is(AffineOps.VECTOR_REDUCTION);
        case "affine" -> b.is(AffineOps.APPLY) || b.is(AffineOps.MIN) || b.is(AffineOps.MAX)
            || (b.is(AffineOps.LOAD) || b.is(AffineOps.VECTOR_LOAD)) && !unknown
            && !written.contains(AffineOps.accessMemref(b));
        default -> false;
      };
      if (!movable) {
        continue;
      }
      boolean invariant = true;
      for (Value v : b.operands()) {
        invariant &= hoisted.contains(v) || forest.isDefinedOutside(v, op);
      }
      if (invariant) {
        out.add(b);
        hoisted.addAll(b.results());
      }
    }
    return out;
  }

  @Override
  public Operation rewrite(Operation func) {
    DependenceAnalysis da = DependenceAnalysis.of(func);
    LoopForest.Loop l = Targets.loop(da.forest(), loop).value();
    List<Operation> moved = invariants(da, l);
    Set<Operation> movedSet = Collections.newSetFromMap(new IdentityHashMap<>());
    movedSet.addAll(moved);
    Operation op = l.op();
    List<Operation> body = new ArrayList<>();
    for (Operation b : op.body().operations()) {
      if (!movedSet.contains(b)) {
        body.add(b);
      }
    }
    List<Operation> replacement = new ArrayList<>(moved);
    replacement.add(op.withBody(op.body().withOperations(body)));
    return IrRewrite.replace(func, op, replacement);
  }
}
