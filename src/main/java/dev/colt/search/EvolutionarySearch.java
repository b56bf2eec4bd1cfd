// Baseline in the style of TVM MetaSchedule: a population of traces, decision mutation,
// crossover, and a cost-model filter before measuring.
package dev.colt.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Evolutionary search over traces. The first generation is random traces; each later generation
 * breeds {@code 4 * populationSize} candidates from the measured population (tournament selection;
 * mutation replaces one decision by an alternative with the same {@link SearchSpace#decisionKey},
 * appends or drops an action; crossover joins a prefix and a suffix, replayed with legality checks),
 * ranks the unmeasured ones by the cost model (higher predicted speed first; with probability
 * {@code epsilon} a random one instead) and measures the top {@code populationSize / 2}. The
 * population is the fastest correct measured traces.
 */
public final class EvolutionarySearch<P, A> {
  public static final String NAME = "evolutionary";
  private final SearchSpace<P, A> baseSpace;
  private SearchSpace<P, A> space;
  private final Evaluator<P> evaluator;
  private final SearchConfig config;
  private final ToDoubleFunction<P> costModel;
  private final int populationSize;
  private final int maxLength;
  private final double epsilon;
  private final SearchListener listener;
  private final MeasurementStore store;

  /** A measured member of the population. */
  private record Member<A>(List<A> trace, double speedup) {}

  /**
   * @param costModel predicted speed of a program (higher is better; only the ranking matters)
   */
  public EvolutionarySearch(SearchSpace<P, A> space, Evaluator<P> evaluator, SearchConfig config,
      ToDoubleFunction<P> costModel, int populationSize, int maxLength, double epsilon,
      SearchListener listener, MeasurementStore store) {
    if (populationSize < 2) {
      throw new IllegalArgumentException("population size must be at least 2");
    }
    this.baseSpace = space;
    this.evaluator = evaluator;
    this.config = config;
    this.costModel = costModel;
    this.populationSize = populationSize;
    this.maxLength = maxLength;
    this.epsilon = epsilon;
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
    List<Member<A>> population = new ArrayList<>();
    List<List<A>> seeds = new ArrayList<>();
    for (int i = 0; i < populationSize * 4; i++) {
      seeds.add(randomTrace(random));
    }
    measureBest(seeds, ledger, population, random, populationSize);
    int stale = 0;
    while (!ledger.exhausted() && stale < 20) {
      List<List<A>> children = new ArrayList<>();
      for (int i = 0; i < populationSize * 4; i++) {
        children.add(population.isEmpty() ? randomTrace(random) : breed(population, random));
      }
      int before = ledger.measurements();
      measureBest(children, ledger, population, random, Math.max(1, populationSize / 2));
      stale = ledger.measurements() == before ? stale + 1 : 0;
    }
    return ledger.result(List.of());
  }

  private List<A> randomTrace(Random random) {
    return new ArrayList<>(TraceReplay.randomWalk(space, space.root(), random,
        1 + random.nextInt(maxLength)).applied());
  }

  private List<A> breed(List<Member<A>> population, Random random) {
    List<A> parent = tournament(population, random).trace();
    double r = random.nextDouble();
    if (r < 0.2 && population.size() > 1) {
      List<A> other = tournament(population, random).trace();
      int cut1 = random.nextInt(parent.size() + 1);
      int cut2 = random.nextInt(other.size() + 1);
      List<A> child = new ArrayList<>(parent.subList(0, cut1));
      child.addAll(other.subList(cut2, other.size()));
      return child;
    }
    List<A> child = new ArrayList<>(parent);
    if (r < 0.7 && !child.isEmpty()) {
      int i = random.nextInt(child.size());
      P before = TraceReplay.replay(space, space.root(), child.subList(0, i)).program();
      List<A> alternatives = space.legalAlternatives(before, child.get(i));
      if (!alternatives.isEmpty()) {
        child.set(i, alternatives.get(random.nextInt(alternatives.size())));
        return child;
      }
    }
    if ((r < 0.85 || child.isEmpty()) && child.size() < maxLength) {
      P end = TraceReplay.replay(space, space.root(), child).program();
      space.randomLegalAction(end, random).ifPresent(child::add);
      return child;
    }
    if (!child.isEmpty()) {
      child.remove(random.nextInt(child.size()));
    }
    return child;
  }

  private Member<A> tournament(List<Member<A>> population, Random random) {
    Member<A> a = population.get(random.nextInt(population.size()));
    Member<A> b = population.get(random.nextInt(population.size()));
    return a.speedup() >= b.speedup() ? a : b;
  }

  /** Replays candidates, ranks the new ones by the cost model and measures the top {@code k}. */
  private void measureBest(List<List<A>> candidates, MeasurementLedger<P> ledger,
      List<Member<A>> population, Random random, int k) {
    record Candidate<P, A>(TraceReplay<P, A> replay, String hash, double predicted) {}
    List<Candidate<P, A>> fresh = new ArrayList<>();
    Set<String> hashes = new HashSet<>();
    for (List<A> trace : candidates) {
      TraceReplay<P, A> replay = TraceReplay.replay(space, space.root(), trace);
      String hash = space.structuralHash(replay.program());
      if (replay.applied().isEmpty() || ledger.known(hash).isPresent() || !hashes.add(hash)) {
        continue;
      }
      double predicted = ledger.clock().time(PhaseClock.Phase.ADVISOR,
          () -> costModel.applyAsDouble(replay.program()));
      fresh.add(new Candidate<>(replay, hash, predicted));
    }
    fresh.sort(Comparator.comparingDouble((Candidate<P, A> c) -> -c.predicted()));
    for (int n = 0; n < k && !fresh.isEmpty() && !ledger.exhausted(); n++) {
      Candidate<P, A> c = random.nextDouble() < epsilon
          ? fresh.remove(random.nextInt(fresh.size())) : fresh.remove(0);
      ledger.measure(c.replay().program(), c.hash(), c.replay().describe(space), NAME,
          ledger.measurements() + 1, 0).ifPresent(e -> {
            if (e.isOk()) {
              population.add(new Member<>(c.replay().applied(), e.speedup()));
            }
          });
    }
    population.sort(Comparator.comparingDouble((Member<A> m) -> -m.speedup()));
    while (population.size() > populationSize) {
      population.remove(population.size() - 1);
    }
  }
}
