// Loop permutation (interchange) of a perfectly nested band, legal when no dependence is reversed.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.Dependence;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.Direction;
import dev.colt.analysis.DirectionVector;
import dev.colt.analysis.LoopBounds;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reorders the loops of a perfectly nested band so that they nest as {@code order} says
 * (outermost first). The loops named must currently form a perfect band, in any order. Legal when
 * every loop's bounds use only induction variables of loops that stay outside it (except a
 * two-loop band whose inner bounds shift with the outer induction variable, as after skewing: its
 * bounds are exchanged by {@link BoundsExchange}) and every dependence direction vector stays
 * lexicographically non-negative after the permutation.
 * Interchange of two loops is the permutation that swaps them.
 */
public record Permute(List<String> order) implements LoopTransform {
  public Permute {
    order = List.copyOf(order);
  }

  /** Swaps two loops of one band (the others keep their places). */
  public static Permute interchange(Operation func, String a, String b) {
    Operation named = LoopHandles.assign(func);
    LoopForest forest = LoopForest.of(named);
    Targets.Found<LoopForest.Loop> la = Targets.loop(forest, a);
    if (!la.ok()) {
      return new Permute(List.of(a, b));
    }
    LoopForest.Loop outer = la.value();
    Targets.Found<LoopForest.Loop> lb = Targets.loop(forest, b);
    if (lb.ok() && lb.value().depth() < outer.depth()) {
      outer = lb.value();
    }
    List<String> names = new ArrayList<>();
    for (LoopForest.Loop l : forest.bandFrom(outer)) {
      names.add(Targets.name(l));
      if (Targets.name(l).equals(a) && names.contains(b)
          || Targets.name(l).equals(b) && names.contains(a)) {
        break;
      }
    }
    List<String> swapped = new ArrayList<>(names);
    int ia = swapped.indexOf(a);
    int ib = swapped.indexOf(b);
    if (ia < 0 || ib < 0) {
      return new Permute(List.of(a, b));
    }
    swapped.set(ia, b);
    swapped.set(ib, a);
    return new Permute(swapped);
  }

  @Override
  public Optional<Refusal> check(Operation func) {
    if (order.size() < 2 || new HashSet<>(order).size() != order.size()) {
      return Optional.of(new Refusal.BadParameter("permute",
          "needs at least two distinct loops, got " + order));
    }
    DependenceAnalysis da = DependenceAnalysis.of(LoopHandles.assign(func));
    LoopForest forest = da.forest();
    Targets.Found<List<LoopForest.Loop>> current = currentBand(forest);
    if (!current.ok()) {
      return Optional.of(current.refusal());
    }
    List<LoopForest.Loop> band = current.value();
    int[] newPos = newPositions(band);
    for (LoopForest.Loop l : band) {
      Refusal r = Targets.unknownEffects(da, l);
      if (r != null) {
        return Optional.of(r);
      }
    }
    for (int i = 0; i < band.size(); i++) {
      for (int j = 0; j < band.size(); j++) {
        if (newPos[j] >= newPos[i]
            && da.bounds().boundsDependOn(band.get(i).op(), band.get(j).inductionVar())
            && exchange(da.bounds(), band).isEmpty()) {
          return Optional.of(new Refusal.UnsupportedShape(Targets.name(band.get(i)),
              "its bounds use '" + Targets.name(band.get(j))
                  + "', which would no longer enclose it"));
        }
      }
    }
    for (Dependence d : da.within(band.get(0))) {
      int first = d.levelOf(band.get(0));
      for (DirectionVector v : d.vectors()) {
        int c = v.carrierLevel();
        if (c >= 0 && c < first) {
          continue;
        }
        List<Direction> permuted = new ArrayList<>(v.directions());
        for (int i = 0; i < band.size(); i++) {
          int level = d.levelOf(band.get(i));
          if (level >= 0) {
            permuted.set(first + newPos[i], v.get(level));
          }
        }
        DirectionVector pv = new DirectionVector(permuted);
        if (pv.mayBeLexNegative()) {
          return Optional.of(new Refusal.ViolatesDependence("permute", d, v,
              "the dependence would become " + pv + " in the order " + order));
        }
      }
    }
    return Optional.empty();
  }

  /** The named loops as they nest now, or why they are not a band. */
  private Targets.Found<List<LoopForest.Loop>> currentBand(LoopForest forest) {
    List<LoopForest.Loop> named = new ArrayList<>();
    for (String n : order) {
      Targets.Found<LoopForest.Loop> f = Targets.loop(forest, n);
      if (!f.ok()) {
        return new Targets.Found<>(null, f.refusal());
      }
      named.add(f.value());
    }
    LoopForest.Loop outer = named.stream()
        .min((x, y) -> Integer.compare(x.depth(), y.depth())).orElseThrow();
    List<LoopForest.Loop> band = forest.bandFrom(outer);
    if (band.size() < order.size()
        || !new HashSet<>(band.subList(0, order.size())).equals(new HashSet<>(named))) {
      return new Targets.Found<>(null, new Refusal.NotABand(order,
          "the loops must be consecutive and perfectly nested"));
    }
    return new Targets.Found<>(band.subList(0, order.size()), null);
  }

  /**
   * For a two-loop band whose inner bounds shift with the outer induction variable (as after
   * skewing), the bounds that make the swap iterate the same points; empty otherwise.
   */
  private static Optional<BoundsExchange.Exchange> exchange(LoopBounds bounds,
      List<LoopForest.Loop> band) {
    if (band.size() != 2
        || !bounds.boundsDependOn(band.get(1).op(), band.get(0).inductionVar())) {
      return Optional.empty();
    }
    return BoundsExchange.of(bounds, band.get(0).op(), band.get(1).op());
  }

  private int[] newPositions(List<LoopForest.Loop> band) {
    int[] pos = new int[band.size()];
    for (int i = 0; i < band.size(); i++) {
      pos[i] = order.indexOf(Targets.name(band.get(i)));
    }
    return pos;
  }

  @Override
  public Operation rewrite(Operation func) {
    LoopForest forest = LoopForest.of(func);
    List<LoopForest.Loop> band = currentBand(forest).value();
    int[] newPos = newPositions(band);
    LoopForest.Loop[] byNewPos = new LoopForest.Loop[band.size()];
    for (int i = 0; i < band.size(); i++) {
      byNewPos[newPos[i]] = band.get(i);
    }
    Optional<BoundsExchange.Exchange> exchanged = newPos[0] == 1
        ? exchange(new LoopBounds(forest), band) : Optional.empty();
    Operation innermost = band.get(band.size() - 1).op();
    List<Operation> body = new ArrayList<>(AffineOps.bodyOps(innermost));
    Operation built = null;
    for (int p = band.size() - 1; p >= 0; p--) {
      Operation original = byNewPos[p].op();
      if (exchanged.isPresent()) {
        original = p == 0 ? exchanged.get().newOuter().applyTo(band.get(1).op())
            : exchanged.get().newInner().applyTo(band.get(0).op());
      }
      List<Operation> ops = built == null ? body : new ArrayList<>(List.of(built));
      ops.add(AffineOps.yield(List.of()));
      built = original.withRegions(List.of(Region.of(
          new Block(original.body().arguments(), ops))));
    }
    return IrRewrite.replace(func, band.get(0).op(), List.of(built));
  }
}
