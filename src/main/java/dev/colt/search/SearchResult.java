// The outcome of a search: the best program, its trace, and how the search went.
package dev.colt.search;

import java.util.List;

/**
 * @param best the best correct program found (the root when nothing beat it)
 * @param bestTrace the actions leading to it
 * @param bestSpeedup its speedup over the root (1 for the root)
 * @param measurements distinct programs measured or reused from the store
 * @param wallMillis total wall time
 * @param evaluationMillis time spent inside the evaluator (compiling and running candidates)
 */
public record SearchResult<P>(P best, List<String> bestTrace, double bestSpeedup,
    int measurements, List<SearchEvent> events, List<AdvisorStats> advisors, long wallMillis,
    long evaluationMillis) {
  public SearchResult {
    bestTrace = List.copyOf(bestTrace);
    events = List.copyOf(events);
    advisors = List.copyOf(advisors);
  }

  /** Share of wall time not spent compiling and running candidates. */
  public double overheadShare() {
    return wallMillis == 0 ? 0 : Math.max(0, wallMillis - evaluationMillis) / (double) wallMillis;
  }

  /** The escalations that happened. */
  public List<SearchEvent.Escalated> escalations() {
    return events.stream().filter(e -> e instanceof SearchEvent.Escalated)
        .map(e -> (SearchEvent.Escalated) e).toList();
  }
}
