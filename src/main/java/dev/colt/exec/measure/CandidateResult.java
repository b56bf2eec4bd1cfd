// What happened to a candidate: measured against its reference, wrong, failed, crashed or hung.
package dev.colt.exec.measure;

/** The outcome of evaluating one candidate; only {@link Measured} carries a speed. */
public sealed interface CandidateResult {
  /** Outputs matched the reference and both were timed in interleaved rounds. */
  record Measured(Comparison comparison) implements CandidateResult {}

  /** Outputs differ from the reference's; never timed. */
  record Wrong(String mismatch) implements CandidateResult {}

  /** Lowering, optimization or linking failed. */
  record CompileError(String message) implements CandidateResult {}

  /** The process running the candidate died (for example SIGSEGV on an out-of-bounds access). */
  record Crashed(String detail) implements CandidateResult {}

  /** The candidate did not finish within the time limit and its process was killed. */
  record TimedOut(long limitMillis) implements CandidateResult {}
}
