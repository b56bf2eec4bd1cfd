// An advisor's answer: a joint action (transformations to apply, advisor to ask next).
package dev.colt.search;

import java.util.List;

/**
 * A joint action. {@code actions} are indices into the request's menu, applied in order (one or a
 * short sequence); {@code nextAdvisor} names the advisor that should expand the resulting child
 * (an unknown or benched name falls back to the advisor with the best hit rate). {@code rawAnswer}
 * keeps the advisor's text for records.
 */
public record Proposal(List<Integer> actions, String nextAdvisor, Usage usage, String rawAnswer) {
  public Proposal {
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("a proposal needs at least one action");
    }
    usage = usage == null ? Usage.NONE : usage;
    rawAnswer = rawAnswer == null ? "" : rawAnswer;
  }
}
