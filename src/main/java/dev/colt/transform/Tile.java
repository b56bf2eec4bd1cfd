// Rectangular tiling of a perfectly nested band, legal when the band is fully permutable.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.LinearForm;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
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
 * Tiles the band {@code loops} (perfectly nested, outermost first) by {@code sizes} (iterations
 * per tile). Each loop {@code x} becomes a tile loop {@code x.tile} stepping by the tile size and a
 * point loop {@code x.point} over {@code [t, min(t + size, ub))} (the min is dropped when the
 * trip count is a constant multiple of the size); all tile loops enclose all point loops. Legal
 * when the band is permutable, its loops have unit steps, and no band loop's bounds use another
 * band loop's induction variable.
 */
public record Tile(List<String> loops, List<Long> sizes) implements LoopTransform {
  public Tile {
    loops = List.copyOf(loops);
    sizes = List.copyOf(sizes);
  }

  @Override
  public Optional<Refusal> check(Operation func) {
    if (loops.isEmpty() || loops.size() != sizes.size()) {
      return Optional.of(new Refusal.BadParameter("tile",
          "needs one size per loop, got " + loops.size() + " loops and " + sizes.size()
              + " sizes"));
    }
    for (long s : sizes) {
      if (s < 2) {
        return Optional.of(new Refusal.BadParameter("tile", "tile sizes must be at least 2, got "
            + s));
      }
    }
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    Targets.Found<List<LoopForest.Loop>> f = Targets.band(da.forest(), loops);
    if (!f.ok()) {
      return Optional.of(f.refusal());
    }
    List<LoopForest.Loop> band = f.value();
    for (LoopForest.Loop l : band) {
      Refusal r = Targets.unknownEffects(da, l);
      if (r != null) {
        return Optional.of(r);
      }
      if (!AffineOps.iterInits(l.op()).isEmpty()) {
        return Optional.of(new Refusal.UnsupportedShape(Targets.name(l),
            "tiling a loop with iter_args is not supported"));
      }
      if (AffineOps.step(l.op()) != 1) {
        return Optional.of(new Refusal.UnsupportedShape(Targets.name(l),
            "tiling needs a unit step, the step is " + AffineOps.step(l.op())));
      }
      for (LoopForest.Loop other : band) {
        if (other != l && da.bounds().boundsDependOn(l.op(), other.inductionVar())) {
          return Optional.of(new Refusal.UnsupportedShape(Targets.name(l),
              "its bounds use '" + Targets.name(other) + "' of the same band"));
        }
      }
    }
    var bad = da.firstNonPermutable(band);
    if (bad != null) {
      return Optional.of(new Refusal.ViolatesDependence("tile", bad, bad.vectors().get(0),
          "the band is not permutable: a dependence has a '>' entry inside it"));
    }
    return Optional.empty();
  }

  @Override
  public Operation rewrite(Operation func) {
    LoopForest forest = LoopForest.of(func);
    dev.colt.analysis.LoopBounds bounds = new dev.colt.analysis.LoopBounds(forest);
    List<LoopForest.Loop> band = Targets.band(forest, loops).value();
    Set<String> taken = LoopHandles.names(func);
    int n = band.size();
    List<Value> tileIvs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tileIvs.add(new Value(dev.colt.ir.IndexType.INSTANCE));
    }
    // Point loops, innermost first.
    Operation inner = null;
    for (int i = n - 1; i >= 0; i--) {
      Operation l = band.get(i).op();
      long size = sizes.get(i);
      List<Operation> body = inner == null
          ? new ArrayList<>(AffineOps.bodyOps(l)) : new ArrayList<>(List.of(inner));
      body.add(AffineOps.yield(List.of()));
      AffineMap lb = AffineMap.of(1, 0, AffineExpr.dim(0));
      List<Value> lbOps = List.of(tileIvs.get(i));
      AffineMap origUb = AffineOps.upperMap(l);
      List<AffineExpr> ubResults = new ArrayList<>();
      ubResults.add(AffineExpr.dim(0).plus(size));
      if (!dividesEvenly(bounds, l, size)) {
        for (AffineExpr e : origUb.results()) {
          ubResults.add(e.shift(1, 0));
        }
      }
      AffineMap ub = new AffineMap(1 + origUb.numDims(), origUb.numSymbols(), ubResults);
      List<Value> ubOps = new ArrayList<>(lbOps);
      if (ubResults.size() > 1) {
        ubOps.addAll(AffineOps.upperOperands(l));
      } else {
        ub = AffineMap.of(1, 0, AffineExpr.dim(0).plus(size));
      }
      String name = LoopHandles.fresh(LoopHandles.nameOf(l) + ".point", taken);
      taken.add(name);
      Map<String, Attribute> attrs = new java.util.TreeMap<>(l.attributes());
      attrs.put(LoopHandles.ATTR, new Attribute.StringAttr(name));
      attrs.remove(AffineOps.PARALLEL_ATTR);
      Operation point = AffineOps.buildFor(lb, lbOps, ub, ubOps, 1, List.of(), List.of(),
          Map.of(), args -> body);
      // Keep the original induction variable so the body needs no remapping.
      point = new Operation(AffineOps.FOR, point.operands(), List.of(), attrsWithBounds(point,
          attrs), List.of(Region.of(new Block(l.body().arguments(), body))), l.location());
      inner = point;
    }
    for (int i = n - 1; i >= 0; i--) {
      Operation l = band.get(i).op();
      long size = sizes.get(i);
      String name = LoopHandles.fresh(LoopHandles.nameOf(l) + ".tile", taken);
      taken.add(name);
      Operation tile = AffineOps.buildFor(AffineOps.lowerMap(l), AffineOps.lowerOperands(l),
          AffineOps.upperMap(l), AffineOps.upperOperands(l), size, List.of(), List.of(),
          Map.of(LoopHandles.ATTR, new Attribute.StringAttr(name)), args -> List.of());
      inner = new Operation(AffineOps.FOR, tile.operands(), List.of(), tile.attributes(),
          List.of(Region.of(new Block(List.of(tileIvs.get(i)),
              List.of(inner, AffineOps.yield(List.of()))))), l.location());
    }
    return IrRewrite.replace(func, band.get(0).op(), List.of(inner));
  }

  private static java.util.SortedMap<String, Attribute> attrsWithBounds(Operation built,
      Map<String, Attribute> attrs) {
    java.util.SortedMap<String, Attribute> out = new java.util.TreeMap<>(attrs);
    for (String k : List.of("lowerBoundMap", "upperBoundMap", "step", "operandSegmentSizes")) {
      out.put(k, built.attr(k));
    }
    return out;
  }

  /** True when the loop's trip count is a constant multiple of size with a constant lower bound. */
  private static boolean dividesEvenly(dev.colt.analysis.LoopBounds bounds, Operation l,
      long size) {
    OptionalLong trip = bounds.constantTripCount(l);
    if (trip.isEmpty() || trip.getAsLong() % size != 0) {
      return false;
    }
    List<LinearForm> lows = bounds.lowerForms(l);
    List<LinearForm> ups = bounds.upperForms(l);
    return lows.size() == 1 && ups.size() == 1;
  }
}
