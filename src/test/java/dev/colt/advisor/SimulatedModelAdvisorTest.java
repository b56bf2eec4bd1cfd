// Tests of the simulated LLM advisors: reproducible per seed, better and dearer with size, labelled.
package dev.colt.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.CostModel;
import dev.colt.analysis.MachineModel;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.Advisor;
import dev.colt.search.AdvisorException;
import dev.colt.search.AdvisorStats;
import dev.colt.search.AdvisorView;
import dev.colt.search.LoopNestSpace;
import dev.colt.search.Proposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedModelAdvisorTest {
  private static LoopNestSpace space;
  private static SimulatedModelAdvisor.Oracle oracle;
  private static List<Action> menu;
  private static double[] predicted;
  private static double best;

  @BeforeAll
  static void matmulMenu() throws Exception {
    Operation module = Parser.parseModule(
        Files.readString(Path.of("testdata/kernels/matmul.mlir")), "matmul.mlir");
    space = new LoopNestSpace(ModuleOp.body(module).get(0), Machine.host());
    oracle = new SimulatedModelAdvisor.Oracle(space, new CostModel(MachineModel.znver5()), 1000);
    menu = space.legalActions(space.root());
    predicted = oracle.predictions(space.root(), menu);
    best = java.util.Arrays.stream(predicted).min().orElseThrow();
  }

  private static AdvisorView<Operation, Action> view(long seed, double node, double parent,
      List<AdvisorStats> pool) {
    return new AdvisorView<>("x", space.root(), null, "func.func @matmul ...", "", List.of(),
        List.of(), node, parent, menu, menu.stream().map(Action::text).toList(), pool, List.of(),
        0, 10, seed, null);
  }

  /** What a call gives: its proposal, or the failure, as comparable text. */
  private static String answer(Advisor<Operation, Action> a, long seed) {
    try {
      Proposal p = a.propose(view(seed, 1.0, Double.NaN, List.of()));
      return p.actions() + " " + p.nextAdvisor() + " " + p.usage() + " " + p.rawAnswer();
    } catch (AdvisorException e) {
      return "error " + e.getMessage() + " " + e.usage();
    }
  }

  @Test
  void answersAreReproduciblePerSeedAndVaryAcrossSeeds() {
    SimulatedModelAdvisor a = new SimulatedModelAdvisor(7, oracle);
    SimulatedModelAdvisor b = new SimulatedModelAdvisor(7, new SimulatedModelAdvisor.Oracle(
        space, new CostModel(MachineModel.znver5()), 1000));
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(answer(a, seed), answer(b, seed), "seed " + seed);
      distinct.add(answer(a, seed));
    }
    assertTrue(distinct.size() > 5, "seeds hardly matter: " + distinct);
  }

  @Test
  void largerModelsPickTheCostModelsBestMoreOftenAndFailLess() {
    double[] sizes = {1.5, 7, 32};
    int[] bestPicks = new int[sizes.length];
    int[] failures = new int[sizes.length];
    int calls = 300;
    for (int m = 0; m < sizes.length; m++) {
      SimulatedModelAdvisor a = new SimulatedModelAdvisor(sizes[m], oracle);
      for (long seed = 0; seed < calls; seed++) {
        try {
          Proposal p = a.propose(view(seed, 1.0, Double.NaN, List.of()));
          if (predicted[p.actions().get(0)] <= best * 1.02) {
            bestPicks[m]++;
          }
        } catch (AdvisorException e) {
          failures[m]++;
          assertTrue(e.usage().tokensIn() > 0, "a failed call still costs its prompt");
        }
      }
    }
    assertTrue(bestPicks[0] < bestPicks[1] && bestPicks[1] < bestPicks[2],
        "best picks by size: " + java.util.Arrays.toString(bestPicks));
    assertTrue(failures[0] > failures[2], "failures by size: "
        + java.util.Arrays.toString(failures));
  }

  @Test
  void costGrowsWithSizeForTheSamePrompt() {
    SimulatedModelAdvisor small = new SimulatedModelAdvisor(1.5, oracle);
    SimulatedModelAdvisor large = new SimulatedModelAdvisor(32, oracle);
    assertTrue(small.usageOf(2000, 80).money() * 10 < large.usageOf(2000, 80).money());
    assertTrue(small.usageOf(2000, 80).latencyMillis() < large.usageOf(2000, 80).latencyMillis());
    assertTrue(small.profile().costPerCall() < large.profile().costPerCall());
    long prompt = SimulatedModelAdvisor.promptTokens(view(1, 1.0, Double.NaN, List.of()));
    assertTrue(prompt > 350 + menu.size(), "prompt of " + prompt + " tokens ignores the menu");
  }

  @Test
  void handOverGoesToTheSmallestAdvisorWithANearBestHitRate() throws Exception {
    SimulatedModelAdvisor large = new SimulatedModelAdvisor(32, oracle);
    AdvisorStats small = AdvisorStats.empty(new SimulatedModelAdvisor(1.5, oracle).profile());
    AdvisorStats medium = AdvisorStats.empty(new SimulatedModelAdvisor(7, oracle).profile());
    AdvisorStats big = AdvisorStats.empty(large.profile());
    // The small advisor hit 1 of 8 children, the medium one 5 of 6: the medium one is preferred.
    AdvisorStats poorSmall = new AdvisorStats(small.name(), small.sizeParams(), 8, 0, 1, 8, 0, 0,
        0, 0, 0, false);
    AdvisorStats goodMedium = new AdvisorStats(medium.name(), medium.sizeParams(), 6, 0, 5, 6, 0,
        0, 0, 0, 0, false);
    for (long seed = 0; seed < 10; seed++) {
      assertEquals("sim-7b", large.propose(view(seed, 1.5, 1.0,
          List.of(poorSmall, goodMedium, big))).nextAdvisor());
      assertEquals("sim-1.5b", large.propose(view(seed, 1.5, 1.0,
          List.of(small, medium, big))).nextAdvisor(), "no statistics yet: the smallest");
    }
  }

  @Test
  void regressionsGoToALargerAdvisorAndAnswersAreLabelledSimulated() throws Exception {
    List<SimulatedModelAdvisor> pool = List.of(new SimulatedModelAdvisor(1.5, oracle),
        new SimulatedModelAdvisor(7, oracle), new SimulatedModelAdvisor(32, oracle));
    List<AdvisorStats> stats = pool.stream().map(a -> AdvisorStats.empty(a.profile())).toList();
    SimulatedModelAdvisor large = pool.get(2);
    SimulatedModelAdvisor small = pool.get(0);
    for (long seed = 0; seed < 10; seed++) {
      Proposal up = large.propose(view(seed, 1.5, 1.0, stats));
      assertEquals("sim-1.5b", up.nextAdvisor(), "with equal statistics, the smallest");
      assertTrue(up.rawAnswer().startsWith("[simulated sim-32b]"), up.rawAnswer());
      try {
        Proposal down = small.propose(view(seed, 0.5, 1.0, stats));
        assertTrue(down.nextAdvisor().equals("sim-7b")
            || down.nextAdvisor().equals("model-that-is-not-in-the-pool"), down.nextAdvisor());
        assertTrue(!down.nextAdvisor().equals("sim-1.5b"));
      } catch (AdvisorException e) {
        assertTrue(e.getMessage().startsWith("[simulated sim-1.5b]"), e.getMessage());
      }
    }
  }

  @Test
  void namesParseAndThePoolIsBuiltByName() {
    assertEquals(1.5, SimulatedModelAdvisor.sizeOf("sim-1.5b"));
    assertEquals(32, SimulatedModelAdvisor.sizeOf("sim-32b"));
    assertEquals(-1, SimulatedModelAdvisor.sizeOf("sim-b"));
    assertEquals(-1, SimulatedModelAdvisor.sizeOf("heuristic"));
    assertEquals("sim-1.5b", SimulatedModelAdvisor.nameOf(1.5));
    List<Advisor<Operation, Action>> pool = OfflineAdvisors.create(
        List.of("sim-1.5b", "sim-7b", "heuristic"), space);
    assertEquals(List.of("sim-1.5b", "sim-7b", "heuristic"),
        pool.stream().map(a -> a.profile().name()).toList());
    assertEquals(7e9, pool.get(1).profile().sizeParams());
    assertThrows(IllegalArgumentException.class,
        () -> OfflineAdvisors.create(List.of("sim-07b"), space));
    assertTrue(OfflineAdvisors.knows("sim-7b") && OfflineAdvisors.knows("heuristic"));
    assertTrue(!OfflineAdvisors.knows("sim-07b") && !OfflineAdvisors.knows("gpt"));
  }
}
