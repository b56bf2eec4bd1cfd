// Measures candidate programs; the search's only source of reward.
package dev.colt.search;

/** Measures a program against the untransformed root. */
public interface Evaluator<P> {
  /**
   * Measures {@code program}. Failures of the candidate (wrong results, crashes, hangs) are returned
   * as an {@link Evaluation} with a failure status, never thrown.
   */
  Evaluation evaluate(P program);

  /**
   * Measures {@code program} and charges the time to {@code clock}: by default all of it to
   * {@link PhaseClock.Phase#RUN}; evaluators that know how long compiling took split it.
   */
  default Evaluation evaluate(P program, PhaseClock clock) {
    return clock.time(PhaseClock.Phase.RUN, () -> evaluate(program));
  }
}
