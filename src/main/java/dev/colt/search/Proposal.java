// An advisor's answer: a joint action (transformations to apply, advisor to ask next).
package dev.colt.search;

import java.util.List;

/**
 * A joint action. {@code actions} are indices into the request's menu, applied in order (one or a
 * short sequence); {@code followUps} are further actions as trace text (for example
 * {@code tile i.point,j.point sizes=8,32}), applied after them, which may name loops that only the
 * earlier steps create - so one proposal can carry a whole recipe. At least one of the two is
 * non-empty. {@code nextAdvisor} names the advisor that should expand the resulting child (an
 * unknown or benched name falls back to the advisor with the best hit rate). {@code rawAnswer}
 * keeps the advisor's text for records.
 */
public record Proposal(List<Integer> actions, List<String> followUps, String nextAdvisor,
    Usage usage, String rawAnswer) {
  public Proposal {
    actions = List.copyOf(actions);
    followUps = List.copyOf(followUps);
    if (actions.isEmpty() && followUps.isEmpty()) {
      throw new IllegalArgumentException("a proposal needs at least one action");
    }
    usage = usage == null ? Usage.NONE : usage;
    rawAnswer = rawAnswer == null ? "" : rawAnswer;
  }

  /** A proposal of menu actions only. */
  public Proposal(List<Integer> actions, String nextAdvisor, Usage usage, String rawAnswer) {
    this(actions, List.of(), nextAdvisor, usage, rawAnswer);
  }
}
