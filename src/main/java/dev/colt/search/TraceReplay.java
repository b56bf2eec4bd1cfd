// Replays a list of actions from a program, keeping those that still apply.
package dev.colt.search;

import java.util.ArrayList;
import java.util.List;

/** A program reached by replaying actions, with the actions that applied. */
public record TraceReplay<P, A>(P program, List<A> applied) {
  public TraceReplay {
    applied = List.copyOf(applied);
  }

  /**
   * Applies {@code actions} in order to {@code start}, skipping each action that is refused (its
   * legality may depend on earlier decisions that changed).
   */
  public static <P, A> TraceReplay<P, A> replay(SearchSpace<P, A> space, P start,
      List<A> actions) {
    P p = start;
    List<A> applied = new ArrayList<>();
    for (A a : actions) {
      try {
        p = space.apply(p, a);
        applied.add(a);
      } catch (IllegalActionException e) {
        // refused after an earlier change: dropped from the trace
      }
    }
    return new TraceReplay<>(p, applied);
  }

  /**
   * A random walk from {@code start}: up to {@code length} random legal actions, stopping early at an
   * empty menu or a refused action.
   */
  public static <P, A> TraceReplay<P, A> randomWalk(SearchSpace<P, A> space, P start,
      java.util.Random random, int length) {
    P p = start;
    List<A> applied = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      java.util.Optional<A> pick = space.randomLegalAction(p, random);
      if (pick.isEmpty()) {
        break;
      }
      A a = pick.get();
      try {
        p = space.apply(p, a);
        applied.add(a);
      } catch (IllegalActionException e) {
        break;
      }
    }
    return new TraceReplay<>(p, applied);
  }

  /** The applied actions as text. */
  public List<String> describe(SearchSpace<P, A> space) {
    return applied.stream().map(space::describe).toList();
  }
}
