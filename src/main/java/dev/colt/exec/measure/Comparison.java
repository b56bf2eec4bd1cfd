// The result of timing a baseline and a candidate in interleaved rounds.
package dev.colt.exec.measure;

import java.util.Locale;

/**
 * Baseline and candidate statistics from the same interleaved rounds, and {@code speedup}: the
 * median over rounds of baseline time / candidate time (above 1 means the candidate is faster).
 * Ratios within one round share the clock frequency, so they are steadier than ratios of medians.
 */
public record Comparison(Measurement baseline, Measurement candidate, double speedup, int rounds) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "speedup=%.3fx baseline[%s] candidate[%s]", speedup,
        baseline, candidate);
  }
}
