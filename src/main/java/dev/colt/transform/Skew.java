// Loop skewing: shifts an inner loop's iteration space by a multiple of an enclosing loop's induction variable.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Block;
import dev.colt.ir.IndexType;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Skews {@code inner} by {@code factor} times the induction variable of the enclosing loop
 * {@code outer}: {@code for y = L to U} becomes {@code for y' = L + f*x to U + f*x} and the body
 * sees {@code y = y' - f*x} (an affine.apply folded into affine users). The same iterations run in
 * the same order, so skewing is always legal; its use is to change dependence distances: a
 * distance {@code (a, b)} over {@code (outer, inner)} becomes {@code (a, b + f*a)}, which can make
 * a band permutable (then interchange or tiling become legal). Needs {@code inner} nested inside
 * {@code outer} and a non-zero factor. Both loops keep their handles.
 */
public record Skew(String outer, String inner, long factor) implements LoopTransform {

  @Override
  public Optional<Refusal> check(Operation func) {
    if (factor == 0) {
      return Optional.of(new Refusal.BadParameter("skew", "the factor must not be 0"));
    }
    LoopForest forest = LoopForest.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> o = Targets.loop(forest, outer);
    if (!o.ok()) {
      return Optional.of(o.refusal());
    }
    Targets.Found<LoopForest.Loop> i = Targets.loop(forest, inner);
    if (!i.ok()) {
      return Optional.of(i.refusal());
    }
    if (i.value() == o.value() || !i.value().path().contains(o.value())) {
      return Optional.of(new Refusal.NotABand(List.of(outer, inner),
          "'" + inner + "' must be nested inside '" + outer + "'"));
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    LoopForest forest = LoopForest.of(func);
    Operation o = Targets.loop(forest, outer).value().op();
    Operation l = Targets.loop(forest, inner).value().op();
    Value x = AffineOps.inductionVar(o);
    AffineMap lb = shifted(AffineOps.lowerMap(l));
    AffineMap ub = shifted(AffineOps.upperMap(l));
    List<Value> lbOps = withDim(AffineOps.lowerMap(l), AffineOps.lowerOperands(l), x);
    List<Value> ubOps = withDim(AffineOps.upperMap(l), AffineOps.upperOperands(l), x);
    Value skewed = new Value(IndexType.INSTANCE);
    Operation y = AffineOps.apply(AffineMap.of(2, 0,
        AffineExpr.dim(0).minus(AffineExpr.dim(1).times(factor))), List.of(skewed, x));
    Map<Value, Value> uses = Map.of(AffineOps.inductionVar(l), y.result());
    List<Operation> body = new ArrayList<>();
    body.add(y);
    for (Operation op : l.body().operations()) {
      body.add(IrRewrite.replaceUses(op, uses));
    }
    List<Value> args = new ArrayList<>(l.body().arguments());
    args.set(0, skewed);
    Operation out = AffineOps.withBounds(l, lb, lbOps, ub, ubOps)
        .withRegions(List.of(Region.of(new Block(args, body))));
    return IrRewrite.replace(func, l, List.of(out));
  }

  /** Each result plus {@code factor} times a new last dimension. */
  private AffineMap shifted(AffineMap m) {
    AffineExpr extra = AffineExpr.dim(m.numDims()).times(factor);
    return new AffineMap(m.numDims() + 1, m.numSymbols(),
        m.results().stream().map(e -> e.plus(extra)).toList());
  }

  /** Operands of a map with one more dimension (bound to {@code v}) before the symbols. */
  private static List<Value> withDim(AffineMap m, List<Value> operands, Value v) {
    List<Value> out = new ArrayList<>(operands.subList(0, m.numDims()));
    out.add(v);
    out.addAll(operands.subList(m.numDims(), operands.size()));
    return out;
  }
}
