// A chat exchange that produced no answer: timeout, HTTP error, connection failure, replay miss.
package dev.colt.advisor.llm;

/**
 * A failed exchange. {@code retriable} failures (timeouts, HTTP 429 and 5xx, connection failures)
 * are worth another attempt; others (bad key, unknown model, a replay miss) are not.
 * {@code latencyMillis} is the time the attempt took; {@code retryAfterMillis} the wait the
 * server asked for (its Retry-After header), or -1. Messages never contain an API key.
 */
public final class ChatFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;
  private final double latencyMillis;
  private final long retryAfterMillis;

  public ChatFailure(String message, boolean retriable, double latencyMillis) {
    this(message, retriable, latencyMillis, -1);
  }

  public ChatFailure(String message, boolean retriable, double latencyMillis,
      long retryAfterMillis) {
    super(message);
    this.retriable = retriable;
    this.latencyMillis = latencyMillis;
    this.retryAfterMillis = retryAfterMillis;
  }

  /** The wait the server asked for before the next attempt, in milliseconds; -1 when none. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  public boolean retriable() {
    return retriable;
  }

  public double latencyMillis() {
    return latencyMillis;
  }
}
