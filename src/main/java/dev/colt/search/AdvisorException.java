// An advisor call that produced no usable proposal (malformed answer, timeout, transport error).
package dev.colt.search;

/** A failed advisor call; the search counts it against the advisor and carries on. */
public class AdvisorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Usage usage;

  public AdvisorException(String message, Usage usage, Throwable cause) {
    super(message, cause);
    this.usage = usage == null ? Usage.NONE : usage;
  }

  public AdvisorException(String message) {
    this(message, Usage.NONE, null);
  }

  /** What the failed call still cost. */
  public Usage usage() {
    return usage;
  }
}
