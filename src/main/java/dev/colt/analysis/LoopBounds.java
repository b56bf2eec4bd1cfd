// Trip counts and induction-variable ranges of affine.for loops, from their bound maps.
package dev.colt.analysis;

import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Bounds reasoning over one {@link LoopForest}: the range each induction variable takes (interval
 * arithmetic over the bound maps and the ranges of outer loops; symbols are unbounded) and constant
 * trip counts.
 */
public final class LoopBounds {
  private final LoopForest forest;
  private final Linearizer linearizer;
  private final Map<Operation, Interval> ranges = new IdentityHashMap<>();
  private final Map<Operation, List<LinearForm>> lowerForms = new IdentityHashMap<>();
  private final Map<Operation, List<LinearForm>> upperForms = new IdentityHashMap<>();

  public LoopBounds(LoopForest forest) {
    this.forest = forest;
    this.linearizer = new Linearizer(forest);
  }

  public LoopForest forest() {
    return forest;
  }

  /** The values the induction variable of {@code forOp} can take (empty for a zero-trip loop). */
  public synchronized Interval ivRange(Operation forOp) {
    Interval r = ranges.get(forOp);
    if (r == null) {
      double lo = Double.NEGATIVE_INFINITY;
      for (LinearForm f : lowerForms(forOp)) {
        lo = Math.max(lo, range(f).lo());
      }
      double hi = Double.POSITIVE_INFINITY;
      for (LinearForm f : upperForms(forOp)) {
        hi = Math.min(hi, range(f).hi() - 1);
      }
      r = new Interval(lo, hi);
      ranges.put(forOp, r);
    }
    return r;
  }

  /** The range of a form: induction variables range over their loops, other values are unbounded. */
  public Interval range(LinearForm f) {
    if (!f.isExact()) {
      return Interval.ALL;
    }
    Interval acc = Interval.point(f.constant());
    for (Map.Entry<Value, Long> t : f.terms().entrySet()) {
      LoopForest.Loop l = forest.loopOfInductionVar(t.getKey());
      Interval vr = l == null ? Interval.ALL : ivRange(l.op());
      acc = acc.plus(vr.times(t.getValue()));
    }
    return acc;
  }

  private final Map<Operation, Long> alignments = new IdentityHashMap<>();

  /**
   * A modulus m such that every value of the loop's induction variable is congruent modulo m
   * (so two distinct values differ by at least m): the step when the lower bound is a constant,
   * gcd(step, m of t) when it is another loop's induction variable t plus a constant, else 1.
   */
  public synchronized long alignment(Operation forOp) {
    Long m = alignments.get(forOp);
    if (m == null) {
      long step = AffineOps.step(forOp);
      long result = 1;
      List<LinearForm> lows = lowerForms(forOp);
      if (lows.size() == 1 && lows.get(0).isExact()) {
        LinearForm low = lows.get(0);
        if (low.terms().isEmpty()) {
          result = step;
        } else if (low.terms().size() == 1 && low.terms().values().iterator().next() == 1) {
          LoopForest.Loop t = forest.loopOfInductionVar(low.terms().keySet().iterator().next());
          if (t != null) {
            result = gcd(step, alignment(t.op()));
          }
        }
      }
      m = Math.max(1, result);
      alignments.put(forOp, m);
    }
    return m;
  }

  private static long gcd(long x, long y) {
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return Math.abs(x);
  }

  /**
   * The trip count when it is the same for every execution of the loop: constant bounds, or a
   * single upper bound that is the lower bound plus a constant. Empty otherwise.
   */
  public synchronized OptionalLong constantTripCount(Operation forOp) {
    return tripCounts.computeIfAbsent(forOp, this::uncachedConstantTripCount);
  }

  private final Map<Operation, OptionalLong> tripCounts = new IdentityHashMap<>();

  private OptionalLong uncachedConstantTripCount(Operation forOp) {
    List<LinearForm> lows = lowerForms(forOp);
    if (lows.size() != 1) {
      return OptionalLong.empty();
    }
    LinearForm low = lows.get(0);
    long best = Long.MAX_VALUE;
    for (LinearForm up : upperForms(forOp)) {
      LinearForm diff = up.minus(low);
      if (!diff.isConstant()) {
        return OptionalLong.empty();
      }
      best = Math.min(best, diff.constant());
    }
    long step = AffineOps.step(forOp);
    return OptionalLong.of(Math.max(0, Math.floorDiv(best + step - 1, step)));
  }

  /**
   * An upper estimate of the trip count from the IV range (the constant count when known), or
   * empty when the range is unbounded.
   */
  public OptionalLong maxTripCount(Operation forOp) {
    OptionalLong c = constantTripCount(forOp);
    if (c.isPresent()) {
      return c;
    }
    Interval r = ivRange(forOp);
    if (!r.isBounded()) {
      return OptionalLong.empty();
    }
    long step = AffineOps.step(forOp);
    return OptionalLong.of(Math.max(0, (r.size() + step - 1) / step));
  }

  /** True when both bounds are single constants. */
  public static boolean hasConstantBounds(Operation forOp) {
    return AffineOps.lowerMap(forOp).isSingleConstant()
        && AffineOps.upperMap(forOp).isSingleConstant();
  }

  /** The constant lower bound; precondition: {@link #hasConstantBounds}. */
  public static long constantLower(Operation forOp) {
    return AffineOps.lowerMap(forOp).singleConstant();
  }

  /** The constant upper bound; precondition: {@link #hasConstantBounds}. */
  public static long constantUpper(Operation forOp) {
    return AffineOps.upperMap(forOp).singleConstant();
  }

  /** True when any bound of {@code forOp} mentions {@code v} (directly or through affine.apply). */
  public boolean boundsDependOn(Operation forOp, Value v) {
    for (LinearForm f : lowerForms(forOp)) {
      if (f.dependsOn(v)) {
        return true;
      }
    }
    for (LinearForm f : upperForms(forOp)) {
      if (f.dependsOn(v)) {
        return true;
      }
    }
    return false;
  }

  /** Shorthand for the linearized lower bounds of a loop. */
  public synchronized List<LinearForm> lowerForms(Operation forOp) {
    return lowerForms.computeIfAbsent(forOp, op -> List.copyOf(
        linearizer.linearize(AffineOps.lowerMap(op), AffineOps.lowerOperands(op))));
  }

  /** Shorthand for the linearized upper bounds of a loop. */
  public synchronized List<LinearForm> upperForms(Operation forOp) {
    return upperForms.computeIfAbsent(forOp, op -> List.copyOf(
        linearizer.linearize(AffineOps.upperMap(op), AffineOps.upperOperands(op))));
  }
}
