// Side-by-side timing of contenders: agreement check, interleaved rounds, medians and per-round ratios.
package dev.colt.tool.bench;

import dev.colt.exec.data.Checksums;
import java.util.Arrays;
import java.util.List;

/**
 * Times several contenders in one process so that clock drift and load hit all of them alike:
 * every round runs each contender once, rotating the order, and ratios are taken per round before
 * the median. {@link #time} first checks that every contender's checksums agree with the first
 * one's (relative tolerance 1e-4) and fails with IllegalStateException when one does not.
 * {@code times[i]} holds contender i's rounds; a contender much slower than the others may take
 * part in fewer (the first) rounds.
 */
record Interleaved(List<Contender> contenders, double[][] times) {

  /** Checks agreement, then runs between 3 and 31 rounds sized to {@code budgetSeconds}. */
  static Interleaved time(List<Contender> cs, double budgetSeconds) {
    return time(cs, budgetSeconds, 31);
  }

  /**
   * Like {@link #time(List, double)}, but each contender gets an equal share of the budget and
   * runs in as many rounds as fit in it (at least 3, at most {@code maxRounds}), so that fast
   * contenders get many samples next to a slow one.
   */
  static Interleaved time(List<Contender> cs, double budgetSeconds, int maxRounds) {
    List<Checksums.Checksum> reference = cs.get(0).checksumsAfterOneCall();
    double[] estimate = new double[cs.size()];
    for (int i = 0; i < cs.size(); i++) {
      List<Checksums.Checksum> sums = i == 0 ? reference : cs.get(i).checksumsAfterOneCall();
      boolean ok = sums.size() == reference.size();
      for (int k = 0; ok && k < sums.size(); k++) {
        ok = sums.get(k).agrees(reference.get(k), 1e-4);
      }
      if (!ok) {
        throw new IllegalStateException(cs.get(i).name() + " disagrees with " + cs.get(0).name()
            + ": " + sums + " vs " + reference);
      }
      estimate[i] = cs.get(i).runOnceNanos();
    }
    double perRound = Arrays.stream(estimate).sum();
    int shared = (int) Math.max(3, Math.min(maxRounds, budgetSeconds * 1e9 / perRound));
    double[][] times = new double[cs.size()][];
    int rounds = 0;
    for (int i = 0; i < cs.size(); i++) {
      double share = budgetSeconds * 1e9 / cs.size() / estimate[i];
      times[i] = new double[(int) Math.max(shared, Math.min(maxRounds, share))];
      rounds = Math.max(rounds, times[i].length);
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < cs.size(); k++) {
        int i = (k + r) % cs.size();
        if (r < times[i].length) {
          times[i][r] = cs.get(i).runOnceNanos();
        }
      }
    }
    return new Interleaved(List.copyOf(cs), times);
  }

  /** Rounds contender {@code i} took part in. */
  int rounds(int i) {
    return times[i].length;
  }

  /** Median nanoseconds of contender {@code i}. */
  double median(int i) {
    return quantile(sorted(times[i]), 0.5);
  }

  /** Interquartile range of contender {@code i} over its median. */
  double spread(int i) {
    double[] s = sorted(times[i]);
    return (quantile(s, 0.75) - quantile(s, 0.25)) / quantile(s, 0.5);
  }

  /** Median over the rounds both took part in of time(i) / time(reference). */
  double timeRatio(int i, int reference) {
    double[] rs = new double[Math.min(rounds(i), rounds(reference))];
    for (int r = 0; r < rs.length; r++) {
      rs[r] = times[i][r] / times[reference][r];
    }
    return quantile(sorted(rs), 0.5);
  }

  private static double[] sorted(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s;
  }

  /** Linear interpolation between the closest ranks of an ascending array. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
