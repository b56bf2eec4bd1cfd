// Things that happen during a search, for progress display, the database and the report.
package dev.colt.search;

import java.util.List;

/** An event of a search run. */
public sealed interface SearchEvent {

  /**
   * A distinct program was measured (or its measurement was found in the store: {@code reused}).
   *
   * @param index 1-based measurement count
   * @param program the program's structural hash
   * @param advisor who proposed it ("random" for random expansions)
   */
  record Measured(int index, int nodeId, int parentId, String program, String advisor,
      List<String> trace,
      Evaluation evaluation, double bestSpeedup, long elapsedMillis, boolean reused)
      implements SearchEvent {
    public Measured {
      trace = List.copyOf(trace);
    }
  }

  /** Course alteration: the largest advisor was asked to correct a cheaper one's regression. */
  record Escalated(int index, int parentId, String smallAdvisor, String largeAdvisor,
      double parentSpeedup, double smallSpeedup, double largeSpeedup, boolean replaced)
      implements SearchEvent {}

  /**
   * The advisors' summed usage reached the token or money budget of the run, which stops here.
   *
   * @param index measurements done so far
   * @param tokenBudget the configured token budget (0 = none)
   * @param moneyBudget the configured money budget (0 = none)
   */
  record AdvisorBudgetReached(int index, long tokens, long tokenBudget, double money,
      double moneyBudget) implements SearchEvent {}

  /** An advisor call failed (malformed answer, illegal action, transport error ...). */
  record AdvisorFailed(String advisor, String reason, boolean benched) implements SearchEvent {}
}
