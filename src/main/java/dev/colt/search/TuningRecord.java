// The records of the tuning database: one measured program, or the summary of one search run.
package dev.colt.search;

import java.util.List;
import java.util.Map;

/** A line of the tuning database. Every record names its workload and target. */
public sealed interface TuningRecord {
  String workload();

  String target();

  /**
   * One distinct program measured during a run.
   *
   * @param program the program's structural hash
   * @param trace the actions from the untransformed workload to it (replayable)
   * @param advisor who proposed it ("random" for random expansions, a strategy name for baselines)
   */
  record Measurement(String workload, String target, String run, String strategy, int index,
      String program, List<String> trace, Evaluation.Status status, double speedup,
      double medianMillis, String advisor, String detail, long elapsedMillis)
      implements TuningRecord {
    public Measurement {
      trace = List.copyOf(trace);
    }

    public Evaluation evaluation() {
      return new Evaluation(status, speedup, medianMillis, detail == null ? "" : detail);
    }
  }

  /**
   * The summary written when a run ends normally.
   *
   * @param phaseMillis the wall time split by search phase (menu, advisor, apply, hash, compile,
   *     run, record, other); empty in records written before phases were kept
   */
  record Run(String workload, String target, String run, String strategy, int measurements,
      double bestSpeedup, List<String> bestTrace, List<AdvisorStats> advisors,
      Map<String, String> config, long wallMillis, long evaluationMillis, int escalations,
      Map<String, Long> phaseMillis)
      implements TuningRecord {
    public Run {
      bestTrace = List.copyOf(bestTrace);
      advisors = List.copyOf(advisors);
      config = Map.copyOf(config);
      phaseMillis = phaseMillis == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseMillis));
    }

    /** Share of the wall time that was search overhead (not compiling or running candidates). */
    public double overheadShare() {
      return wallMillis <= 0 ? 0 : Math.max(0, wallMillis - evaluationMillis) / (double) wallMillis;
    }
  }
}
