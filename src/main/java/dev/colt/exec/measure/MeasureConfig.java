// The knobs of the measurement protocol: warm-ups, minimum repetitions and time, limits, pinning.
package dev.colt.exec.measure;

/**
 * Settings of {@link Measurer}. A measurement runs {@code warmups} untimed calls, then timed
 * samples until at least {@code minSamples} samples and {@code minNanos} of timed work exist, or
 * {@code maxNanos} has passed (whichever limit comes first once the minimum count is reached).
 * Each sample times a batch of calls sized so that it lasts at least {@code minBatchNanos} (which
 * amortizes the clock read for tiny kernels). {@code pinCpu} pins the measuring thread (-1: no).
 */
public record MeasureConfig(int warmups, int minSamples, long minNanos, long maxNanos,
    long minBatchNanos, int pinCpu) {
  public MeasureConfig {
    if (warmups < 0 || minSamples < 1 || minNanos < 0 || maxNanos < minNanos
        || minBatchNanos < 0) {
      throw new IllegalArgumentException("inconsistent measurement settings");
    }
  }

  /** For the search: 2 warm-ups, at least 10 samples and 50 ms, at most 1 s. */
  public static MeasureConfig standard() {
    return new MeasureConfig(2, 10, 50_000_000L, 1_000_000_000L, 20_000L, -1);
  }

  /** For benchmarks: 3 warm-ups, at least 20 samples and 300 ms, at most 5 s. */
  public static MeasureConfig benchmark() {
    return new MeasureConfig(3, 20, 300_000_000L, 5_000_000_000L, 50_000L, -1);
  }

  /** For tests: 1 warm-up, 3 samples, no minimum time. */
  public static MeasureConfig quick() {
    return new MeasureConfig(1, 3, 0, 200_000_000L, 0, -1);
  }
}
