// Measures candidate programs; the search's only source of reward.
package dev.colt.search;

/** Measures a program against the untransformed root. */
public interface Evaluator<P> {
  /**
   * Measures {@code program}. Failures of the candidate (wrong results, crashes, hangs) are returned
   * as an {@link Evaluation} with a failure status, never thrown.
   */
  Evaluation evaluate(P program);
}
