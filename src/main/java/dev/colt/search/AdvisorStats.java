// Per-advisor statistics the tree policy, the prompts and the report share.
package dev.colt.search;

import java.util.List;

/**
 * Counters for one advisor during a search. {@code hits} counts calls whose child beat its parent;
 * {@code hitRate} is hits over calls that produced a measured child; {@code errors} counts failed
 * attempts, both calls that failed and attempts retried inside a call; {@code latencyMillis} and
 * {@code money} are totals over all calls.
 */
public record AdvisorStats(String name, double sizeParams, int calls, int errors, int hits,
    int measuredChildren, int escalations, long tokensIn, long tokensOut, double money,
    double latencyMillis, boolean benched) {

  public static AdvisorStats empty(AdvisorProfile p) {
    return new AdvisorStats(p.name(), p.sizeParams(), 0, 0, 0, 0, 0, 0, 0, 0, 0, false);
  }

  /**
   * The sum of {@code all} as one pseudo-advisor named "total" (size: the largest; benched: never);
   * its hit rate is the pool's.
   */
  public static AdvisorStats total(List<AdvisorStats> all) {
    return new AdvisorStats("total",
        all.stream().mapToDouble(AdvisorStats::sizeParams).max().orElse(1),
        all.stream().mapToInt(AdvisorStats::calls).sum(),
        all.stream().mapToInt(AdvisorStats::errors).sum(),
        all.stream().mapToInt(AdvisorStats::hits).sum(),
        all.stream().mapToInt(AdvisorStats::measuredChildren).sum(),
        all.stream().mapToInt(AdvisorStats::escalations).sum(),
        all.stream().mapToLong(AdvisorStats::tokensIn).sum(),
        all.stream().mapToLong(AdvisorStats::tokensOut).sum(),
        all.stream().mapToDouble(AdvisorStats::money).sum(),
        all.stream().mapToDouble(AdvisorStats::latencyMillis).sum(), false);
  }

  public double hitRate() {
    return measuredChildren == 0 ? 0.0 : (double) hits / measuredChildren;
  }

  /** One more call; the attempts it retried count as errors. */
  AdvisorStats withCall(Usage u) {
    return new AdvisorStats(name, sizeParams, calls + 1, errors + u.failedAttempts(), hits,
        measuredChildren,
        escalations, tokensIn + u.tokensIn(), tokensOut + u.tokensOut(), money + u.money(),
        latencyMillis + u.latencyMillis(), benched);
  }

  AdvisorStats withError() {
    return new AdvisorStats(name, sizeParams, calls, errors + 1, hits, measuredChildren,
        escalations, tokensIn, tokensOut, money, latencyMillis, benched);
  }

  AdvisorStats withChild(boolean hit) {
    return new AdvisorStats(name, sizeParams, calls, errors, hits + (hit ? 1 : 0),
        measuredChildren + 1, escalations, tokensIn, tokensOut, money, latencyMillis, benched);
  }

  AdvisorStats withEscalation() {
    return new AdvisorStats(name, sizeParams, calls, errors, hits, measuredChildren,
        escalations + 1, tokensIn, tokensOut, money, latencyMillis, benched);
  }

  AdvisorStats withBenched() {
    return new AdvisorStats(name, sizeParams, calls, errors, hits, measuredChildren,
        escalations, tokensIn, tokensOut, money, latencyMillis, true);
  }
}
