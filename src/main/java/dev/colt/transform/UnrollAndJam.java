// Unroll-and-jam: unrolls an outer loop and fuses the copies into the innermost loop of its band.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.Dependence;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.Direction;
import dev.colt.analysis.DirectionVector;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.IRMapping;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Unrolls {@code loop} by {@code factor} and jams the copies into the innermost loop of the
 * perfect band below it: that loop's body then holds factor copies, copy u seeing the outer
 * induction variable plus u steps. The remaining {@code trip % factor} iterations run in
 * {@code <name>.rem}. Needs a constant trip count of at least factor, a perfectly nested loop
 * below, inner bounds independent of {@code loop}, and no dependence carried by {@code loop} whose
 * inner part is lexicographically negative (a {@code (<, >)} pair would be reversed).
 */
public record UnrollAndJam(String loop, long factor) implements LoopTransform {

  @Override
  public Optional<Refusal> check(Operation func) {
    if (factor < 2) {
      return Optional.of(new Refusal.BadParameter("unroll-and-jam",
          "the factor must be at least 2, got " + factor));
    }
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> f = Targets.loop(da.forest(), loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    LoopForest.Loop outer = f.value();
    List<LoopForest.Loop> band = da.forest().bandFrom(outer);
    if (band.size() < 2) {
      return Optional.of(new Refusal.UnsupportedShape(loop,
          "unroll-and-jam needs a loop perfectly nested inside, without iter_args"));
    }
    Refusal eff = Targets.unknownEffects(da, outer);
    if (eff != null) {
      return Optional.of(eff);
    }
    OptionalLong trip = da.bounds().constantTripCount(outer.op());
    if (trip.isEmpty()) {
      return Optional.of(new Refusal.UnsupportedShape(loop, "needs a constant trip count"));
    }
    if (factor > trip.getAsLong()) {
      return Optional.of(new Refusal.BadParameter("unroll-and-jam",
          "factor " + factor + " exceeds the trip count " + trip.getAsLong()));
    }
    for (LoopForest.Loop inner : band.subList(1, band.size())) {
      if (da.bounds().boundsDependOn(inner.op(), outer.inductionVar())) {
        return Optional.of(new Refusal.UnsupportedShape(Targets.name(inner),
            "its bounds use '" + loop + "'"));
      }
    }
    for (Dependence d : da.within(outer)) {
      int level = d.levelOf(outer);
      for (DirectionVector v : d.vectors()) {
        if (v.carrierLevel() != level) {
          continue;
        }
        for (int i = level + 1; i < level + band.size() && i < v.size(); i++) {
          if (v.get(i) == Direction.LT) {
            break;
          }
          if (v.get(i).admits(Direction.GT)) {
            return Optional.of(new Refusal.ViolatesDependence("unroll-and-jam", d, v,
                "jamming would run a later iteration of '" + loop + "' before an earlier one"
                    + " that it depends on"));
          }
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    LoopForest forest = LoopForest.of(func);
    LoopForest.Loop outerLoop = Targets.loop(forest, loop).value();
    Operation l = outerLoop.op();
    List<LoopForest.Loop> band = forest.bandFrom(outerLoop);
    long trip = new dev.colt.analysis.LoopBounds(forest).constantTripCount(l).getAsLong();
    Set<String> taken = LoopHandles.names(func);
    long step = AffineOps.step(l);
    long mainTrip = trip / factor;
    AffineMap lb = AffineOps.lowerMap(l);
    List<Value> lbOps = AffineOps.lowerOperands(l);
    AffineMap split = new AffineMap(lb.numDims(), lb.numSymbols(),
        List.of(lb.result(0).plus(mainTrip * factor * step)));
    Operation innermost = band.get(band.size() - 1).op();
    Value oldIv = AffineOps.inductionVar(l);
    Map<String, Attribute> attrs = new java.util.TreeMap<>(l.attributes());
    Operation main = AffineOps.buildFor(lb, lbOps, split, lbOps, step * factor, List.of(),
        List.of(), attrs, args -> {
          Value iv = args.get(0);
          List<Operation> jammed = new ArrayList<>();
          for (long u = 0; u < factor; u++) {
            IRMapping m = new IRMapping();
            Value ivU = iv;
            if (u > 0) {
              Operation off = BodyCloner.offset(iv, u * step);
              jammed.add(off);
              ivU = off.result();
            }
            m.map(oldIv, ivU);
            jammed.addAll(BodyCloner.cloneOps(AffineOps.bodyOps(innermost), m,
                u == 0 ? null : ".u" + u, taken));
          }
          jammed.add(AffineOps.yield(List.of()));
          Operation inner = innermost.withRegions(List.of(Region.of(
              new Block(innermost.body().arguments(), jammed))));
          for (int b = band.size() - 2; b >= 1; b--) {
            Operation mid = band.get(b).op();
            inner = mid.withRegions(List.of(Region.of(new Block(mid.body().arguments(),
                List.of(inner, AffineOps.yield(List.of()))))));
          }
          return List.of(inner, AffineOps.yield(List.of()));
        });
    List<Operation> replacement = new ArrayList<>(List.of(main));
    if (trip % factor != 0) {
      replacement.add(Unroll.remainder(l, split, lbOps, List.of(), taken));
    }
    return IrRewrite.replace(func, l, replacement);
  }
}
