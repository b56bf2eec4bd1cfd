// Tests of the offline advisors on the matmul kernel: what they propose and to whom they hand over.
package dev.colt.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.CostModel;
import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.MachineModel;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.VectorType;
import dev.colt.ir.text.Parser;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.AdvisorView;
import dev.colt.search.LoopNestSpace;
import dev.colt.search.Proposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAdvisorsTest {
  private static Operation matmul() throws Exception {
    Operation module = Parser.parseModule(
        Files.readString(Path.of("testdata/kernels/matmul.mlir")), "matmul.mlir");
    return ModuleOp.body(module).get(0);
  }

  private static AdvisorView<Operation, Action> view(LoopNestSpace space, Operation node,
      List<String> trace, double nodeSpeedup, double parentSpeedup, long seed) {
    List<Action> menu = space.legalActions(node);
    return new AdvisorView<>("x", node, null, "", "", trace, List.of(), nodeSpeedup,
        parentSpeedup, menu, menu.stream().map(Action::text).toList(), List.of(), List.of(), 0,
        10, seed, null);
  }

  @Test
  void heuristicFirstMakesTheInnermostLoopUnitStride() throws Exception {
    LoopNestSpace space = new LoopNestSpace(matmul(), Machine.host());
    HeuristicAdvisor h = new HeuristicAdvisor(new AdvisorProfile("heuristic", 1e9, 0),
        "cost-model", null, Machine.host());
    for (long seed = 0; seed < 5; seed++) {
      Proposal p = h.propose(view(space, space.root(), List.of(), 1.0, Double.NaN, seed));
      Action a = space.legalActions(space.root()).get(p.actions().get(0));
      assertTrue(a instanceof Action.Permute perm && perm.order().get(2).equals("j"),
          "proposed " + a.text());
      assertEquals("heuristic", p.nextAdvisor());
    }
  }

  @Test
  void heuristicRecipeReachesARegisterTiledVectorizedNestInOneJointMove() throws Exception {
    LoopNestSpace space = new LoopNestSpace(matmul(), Machine.host());
    HeuristicAdvisor h = new HeuristicAdvisor(new AdvisorProfile("heuristic", 1e9, 0),
        "cost-model", space, Machine.host());
    Proposal p = h.propose(view(space, space.root(), List.of(), 1.0, Double.NaN, 1));
    assertEquals(List.of(), p.actions());
    assertEquals(9, p.followUps().size(), p.followUps().toString());
    assertEquals("pack i.tile arg=1 strip=32", p.followUps().get(8));
    Operation program = space.root();
    for (String step : p.followUps()) {
      program = space.apply(program, space.parseAction(step).orElseThrow());
    }
    // 8 x 32 register tile with 16 lanes: 8 rows of two vector accumulators, carried across k.
    Operation k = LoopHandles.find(program, "k.point");
    List<Operation> inner = new ArrayList<>();
    k.walk(op -> {
      if (op != k && op.results().stream().anyMatch(v -> v.type() instanceof VectorType)
          && (op.name().equals("vector.fma") || op.name().equals("arith.mulf"))) {
        inner.add(op);
      }
    });
    assertEquals(16, inner.size(), "vector multiply-adds in the k loop");
    assertEquals(16, AffineOps.iterArgs(k).size(), "accumulators carried across k");
  }

  @Test
  void heuristicOffersTheMoveWithoutPackingAndOtherSizesNext() throws Exception {
    LoopNestSpace space = new LoopNestSpace(matmul(), Machine.host());
    HeuristicAdvisor h = new HeuristicAdvisor(new AdvisorProfile("heuristic", 1e9, 0),
        "cost-model", space, Machine.host());
    List<String> tried = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      List<Action> menu = space.legalActions(space.root());
      Proposal p = h.propose(new AdvisorView<>("x", space.root(), null, "", "", List.of(),
          tried, 1.0, Double.NaN, menu, menu.stream().map(Action::text).toList(), List.of(),
          List.of(), 0, 10, n, null));
      String move = String.join("; ", p.followUps());
      assertTrue(!tried.contains(move), move);
      tried.add(move);
    }
    // With packing, the same without, then another size variant.
    assertTrue(tried.get(0).startsWith(tried.get(1)) && tried.get(0).endsWith("strip=32"),
        tried.toString());
    assertTrue(!tried.get(2).startsWith(tried.get(1)), tried.toString());
  }

  @Test
  void heuristicTakesEachRecipeStepOncePerLoopNest() throws Exception {
    // Two column-order copies: after the first nest's interchange, the second still needs its own.
    Operation module = Parser.parseModule("""
        func.func @two(%A: memref<64x64xf32>, %B: memref<64x64xf32>) {
          affine.for %j = 0 to 64 {
            affine.for %i = 0 to 64 {
              %x = affine.load %A[%i, %j] : memref<64x64xf32>
              affine.store %x, %B[%i, %j] : memref<64x64xf32>
            }
          }
          affine.for %q = 0 to 64 {
            affine.for %p = 0 to 64 {
              %y = affine.load %B[%p, %q] : memref<64x64xf32>
              affine.store %y, %A[%p, %q] : memref<64x64xf32>
            }
          }
          return
        }
        """, "two.mlir");
    LoopNestSpace space = new LoopNestSpace(ModuleOp.body(module).get(0), Machine.host());
    HeuristicAdvisor h = new HeuristicAdvisor(new AdvisorProfile("heuristic", 1e9, 0),
        "cost-model", null, Machine.host());
    Proposal first = h.propose(view(space, space.root(), List.of(), 1.0, Double.NaN, 0));
    Action a = space.legalActions(space.root()).get(first.actions().get(0));
    assertTrue(a instanceof Action.Permute, a.text());
    Operation once = space.apply(space.root(), a);
    Proposal second = h.propose(view(space, once, List.of(a.text()), 1.0, Double.NaN, 0));
    Action b = space.legalActions(once).get(second.actions().get(0));
    assertTrue(b instanceof Action.Permute && !b.text().equals(a.text()),
        a.text() + " then " + b.text());
  }

  @Test
  void heuristicDoesNotUnrollCopyLoopsThatOnlyMoveData() throws Exception {
    LoopNestSpace space = new LoopNestSpace(matmul(), Machine.host());
    Operation packed = space.apply(space.root(),
        space.parseAction("pack i arg=1").orElseThrow());
    dev.colt.analysis.LoopForest forest = dev.colt.analysis.LoopForest.of(packed);
    int copies = 0;
    for (dev.colt.analysis.LoopForest.Loop l : forest.loops()) {
      String name = LoopHandles.nameOf(l.op());
      boolean copy = name.contains(".copy");
      copies += copy ? 1 : 0;
      assertEquals(!copy, HeuristicAdvisor.computes(forest, l), name);
      assertEquals(copy, HeuristicAdvisor.score(new Action.UnrollAndJam(name, 4), forest,
          dev.colt.analysis.Access.collect(forest)) == 0, name);
    }
    assertTrue(copies > 0);
  }

  @Test
  void heuristicHandsARegressionToTheStrongerAdvisor() throws Exception {
    LoopNestSpace space = new LoopNestSpace(matmul(), Machine.host());
    HeuristicAdvisor h = new HeuristicAdvisor(new AdvisorProfile("heuristic", 1e9, 0),
        "cost-model", null, Machine.host());
    Proposal p = h.propose(view(space, space.root(), List.of(), 0.8, 1.0, 3));
    assertEquals("cost-model", p.nextAdvisor());
  }

  @Test
  void costModelAdvisorProposesTheBestPredictedAction() throws Exception {
    LoopNestSpace space = new LoopNestSpace(matmul(), Machine.host());
    CostModel model = new CostModel(MachineModel.znver5());
    CostModelAdvisor c = new CostModelAdvisor(new AdvisorProfile("cost-model", 8e9, 1), space,
        model, "heuristic", 1000);
    AdvisorView<Operation, Action> v = view(space, space.root(), List.of(), 1.0, Double.NaN, 1);
    Proposal p = c.propose(v);
    double chosen = model.estimate(space.apply(space.root(), v.menu().get(p.actions().get(0))))
        .cycles();
    for (Action a : v.menu()) {
      double other = model.estimate(space.apply(space.root(), a)).cycles();
      assertTrue(chosen <= other * 1.02 + 1e-9, a.text() + " predicted " + other + " < "
          + chosen);
    }
    assertTrue(chosen < model.estimate(space.root()).cycles());
  }
}
