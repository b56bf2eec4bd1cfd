// The outcome of a search: the best program, its trace, and how the search went.
package dev.colt.search;

import java.util.List;

/**
 * @param best the best correct program found (the root when nothing beat it)
 * @param bestTrace the actions leading to it
 * @param bestSpeedup its speedup over the root (1 for the root)
 * @param measurements distinct programs measured or reused from the store
 * @param phases the run's wall time split by phase (menu, advisor, apply, hash, compile, run,
 *     record, other)
 */
public record SearchResult<P>(P best, List<String> bestTrace, double bestSpeedup,
    int measurements, List<SearchEvent> events, List<AdvisorStats> advisors,
    PhaseClock.Phases phases) {
  public SearchResult {
    bestTrace = List.copyOf(bestTrace);
    events = List.copyOf(events);
    advisors = List.copyOf(advisors);
  }

  /** Total wall time. */
  public long wallMillis() {
    return phases.wallMillis();
  }

  /** Time spent compiling and running candidates. */
  public long evaluationMillis() {
    return phases.evaluationMillis();
  }

  /** Share of wall time not spent compiling and running candidates. */
  public double overheadShare() {
    return phases.overheadShare();
  }

  /** The escalations that happened. */
  public List<SearchEvent.Escalated> escalations() {
    return events.stream().filter(e -> e instanceof SearchEvent.Escalated)
        .map(e -> (SearchEvent.Escalated) e).toList();
  }
}
