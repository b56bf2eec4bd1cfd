// Shared bookkeeping of every search strategy: budget, one measurement per program, best so far.
package dev.colt.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures programs for a strategy: each structural hash is measured once (reusing the store's
 * evaluations when present, which still count against the budget), {@link SearchEvent.Measured}
 * events are emitted in order, and the best correct program is tracked. The root's baseline counts
 * as speedup 1 and is not a measurement.
 */
public final class MeasurementLedger<P> {
  private final Evaluator<P> evaluator;
  private final MeasurementStore store;
  private final int budget;
  private final long timeLimitMillis;
  private final SearchListener listener;
  private final Map<String, Evaluation> measured = new HashMap<>();
  private final List<SearchEvent> events = new ArrayList<>();
  private final PhaseClock clock;
  private final long startNanos = System.nanoTime();
  private int measurements;
  private P best;
  private List<String> bestTrace = List.of();
  private double bestSpeedup = 1.0;

  /** A ledger with its own phase clock. */
  public MeasurementLedger(P root, String rootHash, Evaluator<P> evaluator,
      MeasurementStore store, int budget, long timeLimitMillis, SearchListener listener) {
    this(root, rootHash, evaluator, store, budget, timeLimitMillis, listener, new PhaseClock());
  }

  /**
   * @param clock the search's phase clock: measurements are charged to compile and run, listener
   *     calls to record
   */
  public MeasurementLedger(P root, String rootHash, Evaluator<P> evaluator,
      MeasurementStore store, int budget, long timeLimitMillis, SearchListener listener,
      PhaseClock clock) {
    this.clock = clock;
    this.evaluator = evaluator;
    this.store = store == null ? MeasurementStore.NONE : store;
    this.budget = budget;
    this.timeLimitMillis = timeLimitMillis;
    this.listener = listener == null ? SearchListener.NONE : listener;
    this.best = root;
    measured.put(rootHash, Evaluation.ok(1.0, Double.NaN));
  }

  /** True when the budget is spent or the time limit passed. */
  public boolean exhausted() {
    return measurements >= budget || (timeLimitMillis > 0 && elapsedMillis() >= timeLimitMillis);
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The evaluation of an already measured program, if any (no budget used). */
  public Optional<Evaluation> known(String hash) {
    return Optional.ofNullable(measured.get(hash));
  }

  /**
   * The evaluation of {@code program}: known, from the store, or measured now. Empty when it is new
   * and the budget is spent.
   */
  public Optional<Evaluation> measure(P program, String hash, List<String> trace, String advisor,
      int nodeId, int parentId) {
    Evaluation known = measured.get(hash);
    if (known != null) {
      return Optional.of(known);
    }
    if (exhausted()) {
      return Optional.empty();
    }
    Optional<Evaluation> stored = store.lookup(hash);
    Evaluation e;
    if (stored.isPresent()) {
      e = stored.get();
    } else {
      e = evaluator.evaluate(program, clock);
    }
    measurements++;
    measured.put(hash, e);
    if (e.isOk() && e.speedup() > bestSpeedup) {
      best = program;
      bestTrace = List.copyOf(trace);
      bestSpeedup = e.speedup();
    }
    emit(new SearchEvent.Measured(measurements, nodeId, parentId, hash, advisor, trace, e,
        bestSpeedup, elapsedMillis(), stored.isPresent()));
    return Optional.of(e);
  }

  public void emit(SearchEvent e) {
    events.add(e);
    clock.time(PhaseClock.Phase.RECORD, () -> {
      listener.onEvent(e);
      return null;
    });
  }

  /** The phase clock this ledger charges. */
  public PhaseClock clock() {
    return clock;
  }

  public int measurements() {
    return measurements;
  }

  public double bestSpeedup() {
    return bestSpeedup;
  }

  /** The result so far, with the given advisor statistics. */
  public SearchResult<P> result(List<AdvisorStats> advisors) {
    return new SearchResult<>(best, bestTrace, bestSpeedup, measurements, events, advisors,
        clock.snapshot());
  }
}
