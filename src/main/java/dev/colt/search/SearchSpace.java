// What the search explores: programs, the legal actions at each, and how to apply them.
package dev.colt.search;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A space of programs reachable from a root by actions. Implementations must be pure: the same
 * program and action always give the same result, so a search is reproducible for a seed.
 *
 * @param <P> an immutable program (for COLT: a function's IR with its trace)
 * @param <A> an action (for COLT: a loop transformation naming a loop handle and parameters)
 */
public interface SearchSpace<P, A> {
  /** The untransformed program. */
  P root();

  /** The legal actions at {@code program}, in a stable order (the numbered menu advisors see). */
  List<A> legalActions(P program);

  /**
   * A legal action at {@code program} drawn uniformly at random with {@code random}, or empty when
   * there is none. Default: a draw from {@link #legalActions}; spaces whose menus are expensive
   * may instead check random candidates until one is legal (the same distribution, without
   * checking the whole menu).
   */
  default Optional<A> randomLegalAction(P program, Random random) {
    List<A> menu = legalActions(program);
    return menu.isEmpty() ? Optional.empty() : Optional.of(menu.get(random.nextInt(menu.size())));
  }

  /**
   * The legal actions at {@code program} with the same {@link #decisionKey} as {@code action},
   * other than {@code action} itself (the alternatives evolutionary mutation swaps in), in menu
   * order. Default: filtered from {@link #legalActions}.
   */
  default List<A> legalAlternatives(P program, A action) {
    String key = decisionKey(action);
    return legalActions(program).stream()
        .filter(a -> decisionKey(a).equals(key) && !a.equals(action)).toList();
  }

  /**
   * Applies {@code action}. Fails with {@link IllegalActionException} (never another exception)
   * when the action does not apply to {@code program}.
   */
  P apply(P program, A action) throws IllegalActionException;

  /**
   * The action a line of trace text names (the inverse of {@link #describe}), or empty when the
   * text is not an action of this space. Default: no text form (joint actions are then limited to
   * menu entries).
   */
  default Optional<A> parseAction(String text) {
    return Optional.empty();
  }

  /** A hash equal for structurally identical programs reached by different traces. */
  String structuralHash(P program);

  /** One-line text of an action, as it appears in traces and menus. */
  String describe(A action);

  /** The program as text, for advisors and reports. */
  String render(P program);

  /**
   * The decision an action makes, without its parameters (for example {@code tile i,j}): two
   * actions with the same key are alternatives for one trace decision, which evolutionary mutation
   * swaps. Default: the first two words of {@link #describe}.
   */
  default String decisionKey(A action) {
    String[] words = describe(action).split(" ", 3);
    return words.length < 2 ? words[0] : words[0] + " " + words[1];
  }
}
