// A closed range of integers with possibly infinite ends, for bounds reasoning.
package dev.colt.analysis;

/** {@code [lo, hi]} over the integers; ends may be infinite; empty when lo > hi. */
public record Interval(double lo, double hi) {
  public static final Interval ALL =
      new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public static Interval point(long v) {
    return new Interval(v, v);
  }

  public boolean isEmpty() {
    return lo > hi;
  }

  public boolean isBounded() {
    return !Double.isInfinite(lo) && !Double.isInfinite(hi);
  }

  public Interval plus(Interval o) {
    return new Interval(lo + o.lo, hi + o.hi);
  }

  /** Scaled by an integer; scaling by zero gives the point 0 even for infinite ranges. */
  public Interval times(long k) {
    if (k == 0) {
      return point(0);
    }
    return k > 0 ? new Interval(lo * k, hi * k) : new Interval(hi * k, lo * k);
  }

  /** Number of integers in a bounded interval (0 when empty). */
  public long size() {
    return isEmpty() ? 0 : (long) (hi - lo + 1);
  }
}
