// Baseline: random traces from the root, measured in the same harness and budget.
package dev.colt.search;

import java.util.List;
import java.util.Random;

/**
 * Samples traces of 1 to {@code maxLength} random legal actions from the root and measures each new
 * program, until the budget is spent. Gives up after {@code 50 * budget} samples that all repeat
 * known programs (a tiny space).
 */
public final class RandomSearch<P, A> {
  public static final String NAME = "random-search";
  private final SearchSpace<P, A> baseSpace;
  private SearchSpace<P, A> space;
  private final Evaluator<P> evaluator;
  private final SearchConfig config;
  private final int maxLength;
  private final SearchListener listener;
  private final MeasurementStore store;

  public RandomSearch(SearchSpace<P, A> space, Evaluator<P> evaluator, SearchConfig config,
      int maxLength, SearchListener listener, MeasurementStore store) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1");
    }
    this.baseSpace = space;
    this.evaluator = evaluator;
    this.config = config;
    this.maxLength = maxLength;
    this.listener = listener;
    this.store = store;
  }

  public SearchResult<P> run() {
    Random random = new Random(config.seed());
    PhaseClock clock = new PhaseClock();
    space = new TimedSpace<>(baseSpace, clock);
    P root = space.root();
    MeasurementLedger<P> ledger = new MeasurementLedger<>(root, space.structuralHash(root),
        evaluator, store, config.budget(), config.timeLimitMillis(), listener, clock);
    int samples = 0;
    while (!ledger.exhausted() && samples++ < 50L * config.budget()) {
      TraceReplay<P, A> walk = TraceReplay.randomWalk(space, root, random,
          1 + random.nextInt(maxLength));
      P p = walk.program();
      List<String> trace = walk.describe(space);
      String hash = space.structuralHash(p);
      if (!trace.isEmpty() && ledger.known(hash).isEmpty()) {
        ledger.measure(p, hash, trace, NAME, ledger.measurements() + 1, 0);
      }
    }
    return ledger.result(List.of());
  }
}
