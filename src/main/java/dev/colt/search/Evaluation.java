// The outcome of measuring one candidate program.
package dev.colt.search;

/**
 * A measured candidate. {@code speedup} is the baseline's time over the candidate's, measured side by
 * side; it is meaningful only when {@code status} is {@link Status#OK}.
 */
public record Evaluation(Status status, double speedup, double medianMillis, String detail) {
  /** How a measurement ended. */
  public enum Status {
    /** Correct outputs, timed. */
    OK,
    /** Ran, but its outputs differ from the reference: never counted as a win. */
    WRONG,
    /** Crashed (for example an out-of-bounds access killed the worker). */
    CRASH,
    /** Did not finish within the time limit. */
    TIMEOUT,
    /** Could not be compiled or lowered. */
    COMPILE_ERROR
  }

  public static Evaluation ok(double speedup, double medianMillis) {
    return new Evaluation(Status.OK, speedup, medianMillis, "");
  }

  public static Evaluation failed(Status status, String detail) {
    if (status == Status.OK) {
      throw new IllegalArgumentException("failed() needs a failure status");
    }
    return new Evaluation(status, 0.0, Double.NaN, detail);
  }

  public boolean isOk() {
    return status == Status.OK;
  }
}
