// Tests the structural hash, work estimates and loop handle assignment.
package dev.colt.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuralHashTest {

  @Test
  void sameProgramBuiltTwiceHashesEqual() {
    assertEquals(StructuralHash.of(Kernels.matmul(8, 8, 8)),
        StructuralHash.of(Kernels.matmul(8, 8, 8)));
    assertNotEquals(StructuralHash.of(Kernels.matmul(8, 8, 8)),
        StructuralHash.of(Kernels.matmul(8, 8, 16)));
    assertNotEquals(StructuralHash.of(Kernels.gaussSeidel(8)),
        StructuralHash.of(Kernels.skewedRecurrence(8)));
  }

  @Test
  void loopNamesDoNotChangeTheHash() {
    Operation f = Kernels.matmul(8, 8, 8);
    Operation named = LoopHandles.assign(f);
    assertNotEquals(f, named);
    assertEquals(StructuralHash.of(f), StructuralHash.of(named));
  }

  @Test
  void handlesAreAssignedByNestPosition() {
    Operation f = LoopHandles.assign(Kernels.matmul(8, 8, 8));
    List<String> names = LoopForest.of(f).loops().stream()
        .map(l -> LoopHandles.nameOf(l.op())).toList();
    assertEquals(List.of("i", "j", "k"), names);
    assertSame(f, LoopHandles.assign(f));
    assertEquals("k", LoopHandles.nameOf(LoopHandles.find(f, "k")));
    assertTrue(LoopHandles.find(f, "z") == null);
  }

  @Test
  void workOfMatmul() {
    WorkEstimate w = WorkEstimate.of(Kernels.matmul(4, 8, 16));
    assertEquals(2L * 4 * 8 * 16, w.flops());
    assertEquals(4L * 4 * 8 * 16, w.accesses());
    assertTrue(w.exact());
    assertEquals(List.of(4L * 16 * 4, 16L * 8 * 4, 4L * 8 * 4),
        List.copyOf(w.footprintBytes().values()));
  }

  @Test
  void triangularWorkIsAnUpperEstimate() {
    WorkEstimate w = WorkEstimate.of(Kernels.triangular(10));
    assertFalse(w.exact());
    assertEquals(2L * 10 * 10, w.flops());
  }
}
