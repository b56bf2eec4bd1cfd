// A search space that charges its menu, apply and hash calls to a search's phase clock.
package dev.colt.search;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Delegates to {@code inner}, timing legal-action menus, applies and structural hashes. */
final class TimedSpace<P, A> implements SearchSpace<P, A> {
  private final SearchSpace<P, A> inner;
  private final PhaseClock clock;

  TimedSpace(SearchSpace<P, A> inner, PhaseClock clock) {
    this.inner = inner;
    this.clock = clock;
  }

  @Override
  public P root() {
    return inner.root();
  }

  @Override
  public List<A> legalActions(P program) {
    return clock.time(PhaseClock.Phase.MENU, () -> inner.legalActions(program));
  }

  @Override
  public Optional<A> randomLegalAction(P program, Random random) {
    return clock.time(PhaseClock.Phase.MENU, () -> inner.randomLegalAction(program, random));
  }

  @Override
  public List<A> legalAlternatives(P program, A action) {
    return clock.time(PhaseClock.Phase.MENU, () -> inner.legalAlternatives(program, action));
  }

  @Override
  public P apply(P program, A action) throws IllegalActionException {
    return clock.timeChecked(PhaseClock.Phase.APPLY, () -> inner.apply(program, action));
  }

  @Override
  public String structuralHash(P program) {
    return clock.time(PhaseClock.Phase.HASH, () -> inner.structuralHash(program));
  }

  @Override
  public Optional<A> parseAction(String text) {
    return inner.parseAction(text);
  }

  @Override
  public String describe(A action) {
    return inner.describe(action);
  }

  @Override
  public String render(P program) {
    return inner.render(program);
  }

  @Override
  public String decisionKey(A action) {
    return inner.decisionKey(action);
  }
}
