// Tests loop-invariant code motion and parallel marking.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoistAndParallelizeTest {

  @Test
  void hoistsBroadcastOfAInIkjMatmul() {
    Operation t = new Permute(List.of("i", "k", "j")).apply(Kernels.matmul(4, 16, 4));
    t = new Vectorize("j", 8).apply(t);
    Operation out = TransformTesting.applyChecked(t, new HoistInvariants("j"));
    Operation j = LoopHandles.find(out, "j");
    assertTrue(AffineOps.bodyOps(j).stream().noneMatch(o -> o.is(AffineOps.VECTOR_BROADCAST)));
    assertTrue(AffineOps.bodyOps(LoopHandles.find(out, "k")).stream()
        .anyMatch(o -> o.is(AffineOps.VECTOR_BROADCAST)));
  }

  @Test
  void doesNotHoistLoadsOfWrittenMemrefs() {
    assertInstanceOf(Refusal.NothingToDo.class,
        new HoistInvariants("k").check(Kernels.matmul(4, 4, 4)).orElseThrow());
  }

  @Test
  void marksParallelLoopsAndRefusesCarriedOnes() {
    Operation mm = Kernels.matmul(4, 4, 4);
    Operation out = TransformTesting.applyChecked(mm, new Parallelize("i"));
    assertTrue(LoopHandles.find(out, "i").hasAttr(AffineOps.PARALLEL_ATTR));
    assertInstanceOf(Refusal.ViolatesDependence.class,
        new Parallelize("k").check(mm).orElseThrow());
    assertInstanceOf(Refusal.NothingToDo.class, new Parallelize("i").check(out).orElseThrow());
    Refusal gs = new Parallelize("i").check(Kernels.gaussSeidel(8)).orElseThrow();
    assertEquals("parallelize would reverse a dependence", gs.shortMessage());
  }
}
