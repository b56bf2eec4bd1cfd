// Marks a dependence-free loop with the colt.parallel attribute so that code generation may run it in parallel.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.Dependence;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import java.util.List;
import java.util.Optional;

/**
 * Adds the unit attribute {@code colt.parallel} to {@code loop}. Legal when the loop carries no
 * memory dependence, has no iter_args, contains no op with unknown memory effects, and is not
 * already marked.
 */
public record Parallelize(String loop) implements LoopTransform {

  @Override
  public Optional<Refusal> check(Operation func) {
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    Targets.Found<LoopForest.Loop> f = Targets.loop(da.forest(), loop);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    LoopForest.Loop l = f.value();
    if (l.op().hasAttr(AffineOps.PARALLEL_ATTR)) {
      return Optional.of(new Refusal.NothingToDo("parallelize", "'" + loop
          + "' is already parallel"));
    }
    Refusal eff = Targets.unknownEffects(da, l);
    if (eff != null) {
      return Optional.of(eff);
    }
    if (!AffineOps.iterInits(l.op()).isEmpty()) {
      return Optional.of(new Refusal.Recurrence(loop, "it has iter_args"));
    }
    List<Dependence> carried = da.carriedBy(l);
    if (!carried.isEmpty()) {
      Dependence d = carried.get(0);
      return Optional.of(new Refusal.ViolatesDependence("parallelize", d, d.vectors().get(0),
          "iterations of '" + loop + "' depend on each other"));
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    Operation l = LoopHandles.find(func, loop);
    return IrRewrite.replace(func, l,
        List.of(l.withAttribute(AffineOps.PARALLEL_ATTR, Attribute.UnitAttr.INSTANCE)));
  }
}
