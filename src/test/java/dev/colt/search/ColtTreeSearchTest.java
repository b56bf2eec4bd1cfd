// Tests of the shared-tree search on a toy space with scripted advisors.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ColtTreeSearchTest {
  private static final List<Integer> ROOT = List.of(2, 2, 2);

  /** Two children per node (no widening), so scripted runs have a fixed tree shape. */
  private static SearchConfig config(int budget) {
    return SearchConfig.defaults(budget).withRandomDepth(0).withWidening(0);
  }

  private static AdvisorStats stats(SearchResult<?> r, String name) {
    return r.advisors().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void greedyAdvisorFindsBetterProgramsAndEveryProgramIsMeasuredOnce() {
    ToySpace space = new ToySpace(ROOT);
    ScriptedAdvisor up = new ScriptedAdvisor("up", 1e9, v -> ScriptedAdvisor.pick(v, "inc", "up"));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(), List.of(up),
        config(20), SearchListener.NONE, MeasurementStore.NONE).run();
    assertTrue(r.bestSpeedup() >= 1.2, "best " + r.bestSpeedup());
    assertEquals(ToySpace.speedupOf(r.best()) / ToySpace.speedupOf(ROOT), r.bestSpeedup(), 1e-12);
    assertEquals(20, r.measurements());
    assertEquals(20, space.evaluations.get());
    List<String> hashes = r.events().stream().filter(e -> e instanceof SearchEvent.Measured)
        .map(e -> ((SearchEvent.Measured) e).trace().toString()).toList();
    assertEquals(hashes.size(), hashes.stream().distinct().count());
  }

  @Test
  void everyStrategyAccountsItsWallTimeByPhase() {
    ToySpace space = new ToySpace(ROOT);
    Evaluator<List<Integer>> base = space.evaluator();
    // Takes at least 3 ms per candidate and reports 3 ms of it as compiling, as an isolated
    // evaluator does.
    Evaluator<List<Integer>> compiling = new Evaluator<>() {
      @Override
      public Evaluation evaluate(List<Integer> p) {
        return base.evaluate(p);
      }

      @Override
      public Evaluation evaluate(List<Integer> p, PhaseClock clock) {
        return clock.time(PhaseClock.Phase.RUN, () -> {
          long t0 = System.nanoTime();
          while (System.nanoTime() - t0 < 3_000_000L) {
            Thread.onSpinWait();
          }
          clock.reassign(PhaseClock.Phase.COMPILE, 3_000_000L);
          return evaluate(p);
        });
      }
    };
    ScriptedAdvisor up = new ScriptedAdvisor("up", 1e9, v -> ScriptedAdvisor.pick(v, "inc", "up"));
    List<SearchResult<List<Integer>>> runs = List.of(
        new ColtTreeSearch<>(space, compiling, List.of(up), config(10), SearchListener.NONE,
            MeasurementStore.NONE).run(),
        new RandomSearch<>(space, compiling, config(10), 3, SearchListener.NONE,
            MeasurementStore.NONE).run(),
        new EvolutionarySearch<>(space, compiling, config(10), p -> 0.0, 4, 3, 0.1,
            SearchListener.NONE, MeasurementStore.NONE).run());
    for (SearchResult<List<Integer>> r : runs) {
      PhaseClock.Phases p = r.phases();
      assertEquals(10, r.measurements());
      assertEquals(30, p.of(PhaseClock.Phase.COMPILE), p.toString());
      assertEquals(List.of("menu", "advisor", "apply", "hash", "compile", "run", "record",
          "other"), List.copyOf(p.millis().keySet()));
      long sum = p.millis().values().stream().mapToLong(Long::longValue).sum();
      assertTrue(sum <= p.wallMillis() && sum >= p.wallMillis() - 8, p.toString());
      assertEquals(p.of(PhaseClock.Phase.COMPILE) + p.of(PhaseClock.Phase.RUN),
          r.evaluationMillis());
    }
  }

  @Test
  void aJointMoveAppliesMenuActionsThenFollowUpsAsOneChild() {
    ToySpace space = new ToySpace(ROOT);
    // "inc 0" from the menu, then three more increments of position 0 given as trace text: one
    // measured child per proposal, whatever its length.
    ScriptedAdvisor recipe = new ScriptedAdvisor("recipe", 1e9, v -> new Proposal(
        List.of(ScriptedAdvisor.indexOf(v, "inc 0")), List.of("inc 0", "inc 0", "inc 1"),
        "recipe", Usage.NONE, ""));
    ScriptedAdvisor liar = new ScriptedAdvisor("liar", 2e9, v -> new Proposal(List.of(),
        List.of("jump 3"), "liar", Usage.NONE, ""));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(recipe), config(1), SearchListener.NONE, MeasurementStore.NONE).run();
    assertEquals(List.of(5, 3, 2), r.best());
    assertEquals(List.of("inc 0", "inc 0", "inc 0", "inc 1"), r.bestTrace());
    SearchResult<List<Integer>> bad = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(liar), config(2), SearchListener.NONE, MeasurementStore.NONE).run();
    assertTrue(stats(bad, "liar").errors() >= 1);
    assertEquals(2, bad.measurements());
  }

  @Test
  void sameSeedAndAnswersGiveTheSameRun() {
    List<String> first = runTraces(7);
    assertEquals(first, runTraces(7));
  }

  private List<String> runTraces(long seed) {
    ToySpace space = new ToySpace(ROOT);
    ScriptedAdvisor a = new ScriptedAdvisor("a", 1e9,
        v -> new Proposal(List.of((int) Math.floorMod(v.seed(), v.menu().size())), "b",
            Usage.NONE, ""));
    ScriptedAdvisor b = new ScriptedAdvisor("b", 8e9, v -> ScriptedAdvisor.pick(v, "inc", "a"));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(), List.of(a, b),
        SearchConfig.defaults(25).withSeed(seed), SearchListener.NONE, MeasurementStore.NONE)
        .run();
    return r.events().stream().map(Object::toString).map(s -> s.replaceAll("elapsedMillis=\\d+", ""))
        .toList();
  }

  @Test
  void regressionsByTheSmallAdvisorEscalateToTheLargestWithTheProposalAndScores() {
    ToySpace space = new ToySpace(ROOT);
    ScriptedAdvisor small = new ScriptedAdvisor("small", 1e9,
        v -> ScriptedAdvisor.pick(v, "dec", "small"));
    ScriptedAdvisor large = new ScriptedAdvisor("large", 70e9,
        v -> ScriptedAdvisor.pickUntried(v, "inc", "small"));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(small, large), config(12).withEscalationAfter(2), SearchListener.NONE,
        MeasurementStore.NONE).run();
    List<SearchEvent.Escalated> esc = r.escalations();
    assertFalse(esc.isEmpty(), "no escalation happened");
    SearchEvent.Escalated first = esc.stream().filter(SearchEvent.Escalated::replaced)
        .findFirst().orElseThrow();
    assertEquals("small", first.smallAdvisor());
    assertEquals("large", first.largeAdvisor());
    assertTrue(first.smallSpeedup() < first.parentSpeedup());
    assertTrue(first.largeSpeedup() > first.smallSpeedup());
    AdvisorView<List<Integer>, ToySpace.Step> correctionView = large.seen.stream()
        .filter(v -> v.correction() != null
            && v.correction().parentSpeedup() == first.parentSpeedup()).findFirst().orElseThrow();
    assertEquals("small", correctionView.correction().smallAdvisor());
    assertTrue(correctionView.correction().smallProposal().get(0).startsWith("dec"));
    assertEquals(first.smallSpeedup(), correctionView.correction().smallChildSpeedup(), 1e-12);
    assertTrue(stats(r, "large").escalations() >= 1);
    // every correction request the large advisor got is reported as an escalation
    assertEquals(esc.size(), large.seen.stream().filter(v -> v.correction() != null).count());
  }

  @Test
  void escalationKeepsTheSmallChildWhenTheLargeAdvisorDoesWorse() {
    ToySpace space = new ToySpace(List.of(5, 5));
    AtomicInteger calls = new AtomicInteger();
    ScriptedAdvisor small = new ScriptedAdvisor("small", 1e9,
        v -> ScriptedAdvisor.pick(v, "dec 0", "small"));
    ScriptedAdvisor large = new ScriptedAdvisor("large", 70e9, v -> {
      calls.incrementAndGet();
      return new Proposal(List.of(ScriptedAdvisor.indexOf(v, "dec 0"),
          ScriptedAdvisor.indexOf(v, "dec 1")), "small", Usage.NONE, "");
    });
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(small, large), config(6).withEscalationAfter(2), SearchListener.NONE,
        MeasurementStore.NONE).run();
    assertTrue(calls.get() > 0);
    assertTrue(r.escalations().stream().noneMatch(SearchEvent.Escalated::replaced));
  }

  @Test
  void unknownNextAdvisorFallsBackToBestHitRate() {
    ToySpace space = new ToySpace(ROOT);
    ScriptedAdvisor good = new ScriptedAdvisor("good", 3e9,
        v -> ScriptedAdvisor.pick(v, "inc", "no-such-advisor"));
    ScriptedAdvisor bad = new ScriptedAdvisor("bad", 1e9,
        v -> ScriptedAdvisor.pick(v, "dec", "no-such-advisor"));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(good, bad), config(15).withEscalationAfter(0).withLambda(0), SearchListener.NONE,
        MeasurementStore.NONE).run();
    assertTrue(stats(r, "good").calls() > stats(r, "bad").calls(),
        "good " + stats(r, "good").calls() + " bad " + stats(r, "bad").calls());
  }

  @Test
  void failingAdvisorIsCountedBenchedAndTheSearchStillFinishes() {
    ToySpace space = new ToySpace(ROOT);
    ScriptedAdvisor broken = new ScriptedAdvisor("broken", 1e9, v -> null);
    ScriptedAdvisor outOfMenu = new ScriptedAdvisor("liar", 2e9,
        v -> new Proposal(List.of(999), "liar", Usage.NONE, "999"));
    List<SearchEvent> seen = new ArrayList<>();
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(broken, outOfMenu), config(20), seen::add, MeasurementStore.NONE).run();
    assertEquals(20, r.measurements());
    assertTrue(stats(r, "broken").errors() >= 5);
    assertTrue(stats(r, "broken").benched());
    assertTrue(stats(r, "liar").benched());
    assertTrue(seen.stream().anyMatch(e -> e instanceof SearchEvent.AdvisorFailed f
        && f.reason().contains("not on the menu")));
  }

  @Test
  void storedMeasurementsAreReusedAndStillCount() {
    ToySpace space = new ToySpace(ROOT);
    Map<String, Evaluation> db = new java.util.HashMap<>();
    SearchListener recorder = e -> {
      if (e instanceof SearchEvent.Measured m) {
        db.put(m.trace().toString(), m.evaluation());
      }
    };
    ScriptedAdvisor up = new ScriptedAdvisor("up", 1e9,
        v -> new Proposal(List.of((int) Math.floorMod(v.seed(), v.menu().size())), "up",
            Usage.NONE, ""));
    ToySpace hashed = new ToySpace(ROOT);
    SearchResult<List<Integer>> first = new ColtTreeSearch<>(hashed, hashed.evaluator(),
        List.of(up), config(10), recorder, MeasurementStore.NONE).run();
    Map<String, Evaluation> byHash = new java.util.HashMap<>();
    first.events().stream().filter(e -> e instanceof SearchEvent.Measured)
        .map(e -> (SearchEvent.Measured) e).forEach(m -> byHash.put(
            hashOfTrace(m.trace()), m.evaluation()));
    SearchResult<List<Integer>> second = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(up), config(10), SearchListener.NONE,
        h -> Optional.ofNullable(byHash.get(h))).run();
    assertEquals(0, space.evaluations.get(), "a resumed run measured again");
    assertEquals(first.bestSpeedup(), second.bestSpeedup(), 1e-12);
    assertEquals(10, second.measurements());
    assertNotNull(db);
  }

  /** Replays a toy trace from the root to get the structural hash of its program. */
  private static String hashOfTrace(List<String> trace) {
    List<Integer> p = new ArrayList<>(ROOT);
    for (String step : trace) {
      int pos = Integer.parseInt(step.substring(4));
      p.set(pos, p.get(pos) + (step.startsWith("inc") ? 1 : -1));
    }
    return p.toString();
  }

  @Test
  void randomOnlySearchWorksWithoutAdvisors() {
    ToySpace space = new ToySpace(ROOT);
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(), List.of(),
        SearchConfig.defaults(10), SearchListener.NONE, MeasurementStore.NONE).run();
    assertEquals(10, r.measurements());
    assertTrue(r.bestSpeedup() >= 1.0);
  }

  @Test
  void wideningGivesWellVisitedNodesMoreChildrenThanTwo() {
    ToySpace space = new ToySpace(ROOT);
    ScriptedAdvisor up = new ScriptedAdvisor("up", 1e9, v -> ScriptedAdvisor.pick(v, "inc", "up"));
    for (double a : new double[] {0.0, 0.5}) {
      SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(), List.of(up),
          config(40).withWidening(a), SearchListener.NONE, MeasurementStore.NONE).run();
      long rootChildren = r.events().stream()
          .filter(e -> e instanceof SearchEvent.Measured m && m.parentId() == 0).count();
      if (a == 0) {
        assertEquals(2, rootChildren);
      } else {
        assertTrue(rootChildren > 2 && rootChildren <= Math.floor(Math.sqrt(40)),
            "root children " + rootChildren);
      }
    }
  }
}
