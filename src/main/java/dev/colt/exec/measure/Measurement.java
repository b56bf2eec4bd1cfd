// Statistics of one function's timed samples: median per call, quartiles and spread.
package dev.colt.exec.measure;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-call times in nanoseconds from {@code samples} timed batches of {@code callsPerSample} calls:
 * the median, the minimum and the quartiles; {@link #spread()} is the interquartile range relative
 * to the median.
 */
public record Measurement(double medianNanos, double minNanos, double q1Nanos, double q3Nanos,
    int samples, int callsPerSample) {

  /** Statistics of per-call times; precondition: at least one sample. */
  public static Measurement of(double[] perCallNanos, int callsPerSample) {
    double[] s = perCallNanos.clone();
    Arrays.sort(s);
    return new Measurement(quantile(s, 0.5), s[0], quantile(s, 0.25), quantile(s, 0.75), s.length,
        callsPerSample);
  }

  /** Linear-interpolated quantile of sorted data. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  public double medianMillis() {
    return medianNanos / 1e6;
  }

  /** (q3 - q1) / median. */
  public double spread() {
    return medianNanos == 0 ? 0 : (q3Nanos - q1Nanos) / medianNanos;
  }

  /** GFLOP/s for {@code flops} floating-point operations per call, at the median time. */
  public double gflops(long flops) {
    return medianNanos == 0 ? 0 : flops / medianNanos;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "median=%.4f ms min=%.4f ms spread=%.1f%% samples=%d",
        medianNanos / 1e6, minNanos / 1e6, 100 * spread(), samples);
  }
}
