// Tests unrolling: factors with and without remainders, full unrolling, iter_args chaining, names.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnrollTest {

  @Test
  void unrollsEvenlyWithoutRemainder() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(4, 4, 8), new Unroll("k", 4));
    assertEquals(List.of("i", "j", "k"), TransformTesting.loopNames(out));
    assertEquals(4, AffineOps.step(LoopHandles.find(out, "k")));
    long loads = out.nestedOps().stream().filter(o -> o.is(AffineOps.LOAD)).count();
    assertEquals(12, loads);
    long applies = out.nestedOps().stream().filter(o -> o.is(AffineOps.APPLY)).count();
    assertEquals(0, applies);
  }

  @Test
  void unrollWithRemainderLoop() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(3, 3, 7), new Unroll("k", 3));
    assertEquals(List.of("i", "j", "k", "k.rem"), TransformTesting.loopNames(out));
  }

  @Test
  void unrollIterArgsReduction() {
    TransformTesting.applyChecked(Kernels.dot(10), new Unroll("i", 4));
    Operation full = TransformTesting.applyChecked(Kernels.dot(6), new Unroll("i", Unroll.FULL));
    assertNull(LoopHandles.find(full, "i"));
  }

  @Test
  void unrollOuterLoopRenamesCopies() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(4, 3, 2), new Unroll("i", 2));
    assertEquals(List.of("i", "j", "k", "j.u1", "k.u1"), TransformTesting.loopNames(out));
  }

  @Test
  void refusesVariableTripCountAndBigFactors() {
    assertInstanceOf(Refusal.UnsupportedShape.class,
        new Unroll("j", 2).check(Kernels.triangular(8)).orElseThrow());
    assertInstanceOf(Refusal.BadParameter.class,
        new Unroll("k", 16).check(Kernels.matmul(4, 4, 8)).orElseThrow());
    assertInstanceOf(Refusal.BadParameter.class,
        new Unroll("k", 1).check(Kernels.matmul(4, 4, 8)).orElseThrow());
  }
}
