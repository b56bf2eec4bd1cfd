// What one advisor call cost: tokens, money, time and the attempts that failed before its answer.
package dev.colt.search;

/**
 * The cost of one advisor call. Offline advisors report zero tokens and their declared cost.
 * {@code failedAttempts} counts attempts inside the call that failed and were retried (a malformed
 * answer, a timeout, an HTTP 429 or 5xx); the search adds them to the advisor's errors. A call
 * that fails in the end is counted by the search itself, so it is not included here.
 */
public record Usage(long tokensIn, long tokensOut, double money, double latencyMillis,
    int failedAttempts) {
  public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

  public Usage(long tokensIn, long tokensOut, double money, double latencyMillis) {
    this(tokensIn, tokensOut, money, latencyMillis, 0);
  }

  /** The sum of two costs. */
  public Usage plus(Usage o) {
    return new Usage(tokensIn + o.tokensIn, tokensOut + o.tokensOut, money + o.money,
        latencyMillis + o.latencyMillis, failedAttempts + o.failedAttempts);
  }

  public Usage withFailedAttempts(int n) {
    return new Usage(tokensIn, tokensOut, money, latencyMillis, n);
  }
}
