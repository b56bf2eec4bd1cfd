// Loop normalization: rewrites a loop to run from 0 with step 1, recomputing the old induction variable.
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
 * Normalizes {@code loop}: {@code for x = L to U step s} becomes {@code for n = 0 to
 * ceildiv(U - L, s)} (one result per upper bound result, so a min stays a min) with
 * {@code x = L + n * s} recomputed by an affine.apply at the top of the body (folded into affine
 * users). The iterations and their order are unchanged, so it is always legal; it needs a lower
 * bound with a single result (not a max) and does nothing for a loop that already starts at 0
 * with step 1. The loop keeps its handle.
 */
public record Normalize(String loop) implements LoopTransform {

  @Override
  public Optional<Refusal> check(Operation func) {
    LoopForest forest = LoopForest.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> f = Targets.loop(forest, loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    Operation l = f.value().op();
    AffineMap lb = AffineOps.lowerMap(l);
    if (lb.numResults() != 1) {
      return Optional.of(new Refusal.UnsupportedShape(loop,
          "its lower bound is a max of " + lb.numResults() + " expressions"));
    }
    if (lb.isSingleConstant() && lb.singleConstant() == 0 && AffineOps.step(l) == 1) {
      return Optional.of(new Refusal.NothingToDo("normalize",
          "'" + loop + "' already starts at 0 with step 1"));
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    Operation l = Targets.loop(LoopForest.of(func), loop).value().op();
    AffineMap lb = AffineOps.lowerMap(l);
    AffineMap ub = AffineOps.upperMap(l);
    List<Value> lbOps = AffineOps.lowerOperands(l);
    List<Value> ubOps = AffineOps.upperOperands(l);
    long step = AffineOps.step(l);
    int dl = lb.numDims();
    int du = ub.numDims();
    // Combined operands: lb dims, ub dims, lb symbols, ub symbols.
    List<Value> operands = new ArrayList<>(lbOps.subList(0, dl));
    operands.addAll(ubOps.subList(0, du));
    operands.addAll(lbOps.subList(dl, lbOps.size()));
    operands.addAll(ubOps.subList(du, ubOps.size()));
    AffineExpr lower = lb.result(0);
    List<AffineExpr> tripResults = new ArrayList<>();
    for (AffineExpr u : ub.results()) {
      AffineExpr upper = u.replace(dims(dl, du), symbols(lb.numSymbols(), ub.numSymbols()));
      tripResults.add(AffineExpr.ceilDiv(upper.minus(lower), AffineExpr.constant(step)));
    }
    AffineMap newUb = new AffineMap(dl + du, lb.numSymbols() + ub.numSymbols(), tripResults)
        .simplify();
    Value n = new Value(IndexType.INSTANCE);
    List<Value> applyOps = new ArrayList<>();
    applyOps.add(n);
    applyOps.addAll(lbOps);
    Operation x = AffineOps.apply(new AffineMap(1 + dl, lb.numSymbols(),
        List.of(AffineExpr.dim(0).times(step).plus(lb.result(0).shift(1, 0)))), applyOps);
    Map<Value, Value> uses = Map.of(AffineOps.inductionVar(l), x.result());
    List<Operation> body = new ArrayList<>();
    body.add(x);
    for (Operation op : l.body().operations()) {
      body.add(IrRewrite.replaceUses(op, uses));
    }
    List<Value> args = new ArrayList<>(l.body().arguments());
    args.set(0, n);
    Operation normalized = AffineOps.withBounds(l, AffineMap.constant(0), List.of(), newUb,
        operands).withAttribute("step", dev.colt.ir.Attribute.index(1))
        .withRegions(List.of(Region.of(new Block(args, body))));
    return IrRewrite.replace(func, l, List.of(normalized));
  }

  private static List<AffineExpr> dims(int from, int count) {
    List<AffineExpr> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(AffineExpr.dim(from + i));
    }
    return out;
  }

  private static List<AffineExpr> symbols(int from, int count) {
    List<AffineExpr> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(AffineExpr.symbol(from + i));
    }
    return out;
  }
}
