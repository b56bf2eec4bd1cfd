// A problem with an advisor pool: a bad pool file, an unset key variable, an unknown advisor name.
package dev.colt.advisor.llm;

/**
 * A configuration error with a message that names the file, the advisor and the key at fault. It
 * is an IllegalArgumentException so the pass reports it as a diagnostic. Messages never hold an
 * API key.
 */
public final class PoolConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PoolConfigException(String message) {
    super(message);
  }
}
