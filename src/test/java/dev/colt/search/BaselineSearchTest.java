// Tests of the random and evolutionary baselines on the toy space.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineSearchTest {
  private static final List<Integer> ROOT = List.of(4, 4, 4, 4);

  @Test
  void randomSearchSpendsExactlyItsBudgetOnDistinctPrograms() {
    ToySpace space = new ToySpace(ROOT);
    SearchResult<List<Integer>> r = new RandomSearch<>(space, space.evaluator(),
        SearchConfig.defaults(15), 4, SearchListener.NONE, MeasurementStore.NONE).run();
    assertEquals(15, r.measurements());
    assertEquals(15, space.evaluations.get());
    assertEquals(ToySpace.speedupOf(r.best()) / ToySpace.speedupOf(ROOT), r.bestSpeedup(), 1e-12);
  }

  @Test
  void evolutionWithAPerfectCostModelBeatsRandomAtTheSameBudget() {
    double evo = 0;
    double rnd = 0;
    for (long seed = 1; seed <= 5; seed++) {
      ToySpace s1 = new ToySpace(ROOT);
      evo += new EvolutionarySearch<>(s1, s1.evaluator(), SearchConfig.defaults(40).withSeed(seed),
          ToySpace::speedupOf, 8, 6, 0.05, SearchListener.NONE, MeasurementStore.NONE).run()
          .bestSpeedup();
      ToySpace s2 = new ToySpace(ROOT);
      rnd += new RandomSearch<>(s2, s2.evaluator(), SearchConfig.defaults(40).withSeed(seed), 6,
          SearchListener.NONE, MeasurementStore.NONE).run().bestSpeedup();
    }
    assertTrue(evo > rnd, "evolutionary " + evo / 5 + " vs random " + rnd / 5);
  }

  @Test
  void evolutionRespectsTheBudget() {
    ToySpace space = new ToySpace(ROOT);
    SearchResult<List<Integer>> r = new EvolutionarySearch<>(space, space.evaluator(),
        SearchConfig.defaults(25), p -> 0.0, 6, 5, 0.05, SearchListener.NONE,
        MeasurementStore.NONE).run();
    assertEquals(25, r.measurements());
    assertEquals(25, space.evaluations.get());
  }
}
