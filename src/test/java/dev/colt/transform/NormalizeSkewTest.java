// Tests loop normalization and skewing: results preserved, bounds rewritten, skewing changes dependence distances.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.DependenceAnalysis;
import dev.colt.analysis.LoopBounds;
import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizeSkewTest {

  private static final String STRIDED = """
      func.func @strided(%A: memref<40xf32>, %B: memref<40x8xf32>) {
        affine.for %i = 3 to 37 step 5 {
          affine.for %j = 1 to min affine_map<(d0) -> (d0 floordiv 5 + 2, 7)>(%i) step 2 {
            %a = affine.load %A[%i] : memref<40xf32>
            %b = affine.load %B[%i, %j] : memref<40x8xf32>
            %s = arith.addf %a, %b : f32
            affine.store %s, %B[%i, %j - 1] : memref<40x8xf32>
          }
        }
        return
      }
      """;

  @Test
  void normalizeRunsFromZeroWithStepOneAndKeepsResults() {
    Operation f = LoopHandles.assign(FuseTest.func(STRIDED));
    Operation out = TransformTesting.applyChecked(f, new Normalize("i"));
    out = TransformTesting.applyChecked(out, new Normalize("j"));
    TransformTesting.assertSameResults(f, out);
    LoopForest forest = LoopForest.of(out);
    LoopBounds bounds = new LoopBounds(forest);
    for (LoopForest.Loop l : forest.loops()) {
      assertEquals(1, AffineOps.step(l.op()));
      assertTrue(AffineOps.lowerMap(l.op()).isSingleConstant());
      assertEquals(0, AffineOps.lowerMap(l.op()).singleConstant());
    }
    assertEquals(7, bounds.constantTripCount(LoopHandles.find(out, "i")).getAsLong());
    assertEquals(List.of("i", "j"), TransformTesting.loopNames(out));
  }

  @Test
  void normalizingANormalLoopHasNothingToDo() {
    Refusal r = new Normalize("i").check(Kernels.matmul(4, 4, 4)).orElseThrow();
    assertInstanceOf(Refusal.NothingToDo.class, r);
  }

  @Test
  void skewKeepsResultsAndTurnsTheAntiDiagonalDependenceIntoAPermutableOne() {
    Operation f = LoopHandles.assign(Kernels.skewedRecurrence(8));
    DependenceAnalysis before = DependenceAnalysis.of(f);
    List<LoopForest.Loop> band = before.forest().bandFrom(before.forest().roots().get(0));
    assertFalse(before.isPermutable(band));
    Operation skewed = TransformTesting.applyChecked(f, new Skew("i", "j", 1));
    DependenceAnalysis after = DependenceAnalysis.of(skewed);
    List<LoopForest.Loop> band2 = after.forest().bandFrom(after.forest().roots().get(0));
    assertTrue(after.isPermutable(band2));
    assertEquals(List.of("i", "j"), TransformTesting.loopNames(skewed));
  }

  @Test
  void negativelySkewedBandsInterchangeWithExchangedBounds() {
    Operation f = LoopHandles.assign(Kernels.elementwise(5, 7));
    List<String> names = TransformTesting.loopNames(f);
    Operation skewed = TransformTesting.applyChecked(f, new Skew(names.get(0), names.get(1), -2));
    Operation swapped = TransformTesting.applyChecked(skewed,
        new Permute(List.of(names.get(1), names.get(0))));
    assertEquals(List.of(names.get(1), names.get(0)), TransformTesting.loopNames(swapped));
    TransformTesting.assertSameResults(f, swapped);
  }

  @Test
  void skewTargetsMustNest() {
    Operation f = Kernels.matmul(4, 4, 4);
    assertInstanceOf(Refusal.NotABand.class, new Skew("j", "i", 1).check(f).orElseThrow());
    assertInstanceOf(Refusal.BadParameter.class, new Skew("i", "j", 0).check(f).orElseThrow());
    TransformTesting.applyChecked(f, new Skew("i", "k", -2));
  }
}
