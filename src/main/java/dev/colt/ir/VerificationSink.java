// Receives verification failures for an operation.
package dev.colt.ir;

/** Collects verifier errors; implementations decide whether to stop at the first. */
@FunctionalInterface
public interface VerificationSink {
  /** Reports that {@code op} violates an invariant described by {@code message}. */
  void error(Operation op, String message);
}
