// Tests unroll-and-jam: jamming into the innermost loop, remainders, and the dependence refusal.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnrollAndJamTest {

  @Test
  void jamsMatmulIIntoK() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(8, 3, 5),
        new UnrollAndJam("i", 4));
    assertEquals(List.of("i", "j", "k"), TransformTesting.loopNames(out));
    long stores = AffineOps.bodyOps(LoopHandles.find(out, "k")).stream()
        .filter(o -> o.is(AffineOps.STORE)).count();
    assertEquals(4, stores);
  }

  @Test
  void jamWithRemainder() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(7, 3, 2),
        new UnrollAndJam("i", 2));
    assertEquals(List.of("i", "j", "k", "i.rem", "j.rem", "k.rem"),
        TransformTesting.loopNames(out));
  }

  @Test
  void jamOfSkewedRecurrenceIsRefused() {
    Refusal r = new UnrollAndJam("i", 2).check(Kernels.skewedRecurrence(8)).orElseThrow();
    assertInstanceOf(Refusal.ViolatesDependence.class, r);
  }

  @Test
  void gaussSeidelJamIsLegal() {
    TransformTesting.applyChecked(Kernels.gaussSeidel(10), new UnrollAndJam("i", 2));
  }

  @Test
  void innermostLoopCannotBeJammed() {
    assertInstanceOf(Refusal.UnsupportedShape.class,
        new UnrollAndJam("k", 2).check(Kernels.matmul(4, 4, 4)).orElseThrow());
  }
}
