// The range of node values seen in one search, which maps a node's mean value into [0, 1].
package dev.colt.search;

/**
 * Min-max normalization of node values (as in MuZero's tree statistics): the tree stores mean
 * log2-speedups, whose spread depends on the kernel (a matmul's candidates differ by a few percent at
 * 30x, a stencil's by 2x around 1x), and the policy's value term must span [0, 1] for its weight
 * against exploration to mean the same on every kernel. The range only widens: it covers every mean
 * recorded with {@link #include}. Before two distinct values are seen every value maps to 0.5.
 */
final class ValueRange {
  private double lo = Double.POSITIVE_INFINITY;
  private double hi = Double.NEGATIVE_INFINITY;

  /** Widens the range to cover {@code value}; NaN and infinities are ignored. */
  void include(double value) {
    if (Double.isFinite(value)) {
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
  }

  /** {@code value} mapped linearly so the range becomes [0, 1], clamped to it. */
  double normalize(double value) {
    if (!(hi > lo)) {
      return 0.5;
    }
    return Math.max(0.0, Math.min(1.0, (value - lo) / (hi - lo)));
  }
}
