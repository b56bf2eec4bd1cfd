// A chat exchange that produced no answer: timeout, HTTP error, connection failure, replay miss.
package dev.colt.advisor.llm;

/**
 * A failed exchange. {@code retriable} failures (timeouts, HTTP 429 and 5xx, connection failures)
 * are worth another attempt; others (bad key, unknown model, a replay miss) are not.
 * {@code latencyMillis} is the time the attempt took. Messages never contain an API key.
 */
public final class ChatFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;
  private final double latencyMillis;

  public ChatFailure(String message, boolean retriable, double latencyMillis) {
    super(message);
    this.retriable = retriable;
    this.latencyMillis = latencyMillis;
  }

  public boolean retriable() {
    return retriable;
  }

  public double latencyMillis() {
    return latencyMillis;
  }
}
