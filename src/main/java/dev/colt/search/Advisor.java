// The advisor port of the search: something that proposes joint actions for a node.
package dev.colt.search;

/**
 * A proposer of joint actions for the shared tree. Implementations (offline heuristics, a cost-model
 * advisor, LLM chat advisors) live in the advisor layer; the search only sees this port.
 */
public interface Advisor<P, A> {
  AdvisorProfile profile();

  /**
   * Proposes a joint action for {@code view.node()}. When {@code view.correction()} is non-null this
   * is a course-alteration request. Fails with AdvisorException when no usable proposal came back;
   * indices outside the menu are the caller's to reject.
   */
  Proposal propose(AdvisorView<P, A> view) throws AdvisorException;
}
