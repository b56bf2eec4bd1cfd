// Tests scalar replacement: matmul accumulators in iter_args, vector accumulators, and refusals.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarReplaceTest {

  @Test
  void keepsMatmulAccumulatorInIterArg() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(4, 5, 6),
        new ScalarReplace("k"));
    Operation k = LoopHandles.find(out, "k");
    assertEquals(1, AffineOps.iterInits(k).size());
    assertEquals(2, AffineOps.bodyOps(k).stream().filter(o -> o.is(AffineOps.LOAD)).count());
    assertEquals(0, AffineOps.bodyOps(k).stream().filter(o -> o.is(AffineOps.STORE)).count());
  }

  @Test
  void promotesJammedAccumulatorsAndThenVectorizes() {
    // Register-tile shape: i jammed by 2 over a k loop whose body updates C[i, j] and C[i+1, j].
    Operation mm = Kernels.matmul(4, 16, 8);
    Operation t = TransformTesting.applyChecked(mm, new Permute(List.of("i", "k", "j")));
    t = TransformTesting.applyChecked(t, new Vectorize("j", 8));
    t = TransformTesting.applyChecked(t, new Unroll("j", Unroll.FULL));
    t = TransformTesting.applyChecked(t, new UnrollAndJam("i", 2));
    Operation out = TransformTesting.applyChecked(t, new ScalarReplace("k"));
    Operation k = LoopHandles.find(out, "k");
    assertEquals(4, AffineOps.iterInits(k).size());
    assertEquals(0, AffineOps.bodyOps(k).stream()
        .filter(o -> o.is(AffineOps.VECTOR_STORE)).count());
  }

  @Test
  void refusesWhenNothingIsInvariant() {
    assertInstanceOf(Refusal.NothingToDo.class,
        new ScalarReplace("j").check(Kernels.elementwise(4, 4)).orElseThrow());
    assertInstanceOf(Refusal.NothingToDo.class,
        new ScalarReplace("i").check(Kernels.matmul(4, 4, 4)).orElseThrow());
  }
}
