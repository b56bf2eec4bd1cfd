// Tests vectorization: contiguous and broadcast accesses, reductions, remainders and refusals.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorizeTest {

  private static long count(Operation f, String name) {
    return f.nestedOps().stream().filter(o -> o.is(name)).count();
  }

  @Test
  void vectorizesElementwiseWithRemainder() {
    Operation out = TransformTesting.applyChecked(Kernels.elementwise(3, 19),
        new Vectorize("j", 8));
    assertEquals(List.of("i", "j", "j.rem"), TransformTesting.loopNames(out));
    assertEquals(1, count(out, AffineOps.VECTOR_LOAD));
    assertEquals(1, count(out, AffineOps.VECTOR_STORE));
  }

  @Test
  void vectorizesIkjMatmulWithBroadcast() {
    Operation ikj = TransformTesting.applyChecked(Kernels.matmul(4, 32, 5),
        new Permute(List.of("i", "k", "j")));
    Operation out = TransformTesting.applyChecked(ikj, new Vectorize("j", 16));
    assertEquals(1, count(out, AffineOps.VECTOR_BROADCAST));
    assertEquals(2, count(out, AffineOps.VECTOR_LOAD));
  }

  @Test
  void vectorizesDotReduction() {
    Operation out = TransformTesting.applyChecked(Kernels.dot(37), new Vectorize("i", 4));
    assertEquals(1, count(out, AffineOps.VECTOR_REDUCTION));
    assertEquals(List.of("i", "i.rem"), TransformTesting.loopNames(out));
    TransformTesting.applyChecked(Kernels.dot(32), new Vectorize("i", 16));
  }

  @Test
  void refusesRecurrenceAndStrides() {
    Refusal rec = new Vectorize("i", 4).check(Kernels.recurrence(32)).orElseThrow();
    assertInstanceOf(Refusal.Recurrence.class, rec);
    assertTrue(rec.detail().contains("FLOW"), rec.detail());
    // ijk matmul: k is innermost, C[i,j] is a store to a k-invariant address.
    assertInstanceOf(Refusal.Recurrence.class,
        new Vectorize("k", 4).check(Kernels.matmul(4, 4, 8)).orElseThrow());
    // jki order: i innermost reads A[i,k] with stride along rows.
    Operation jki = new Permute(List.of("j", "k", "i")).apply(Kernels.matmul(8, 4, 4));
    assertInstanceOf(Refusal.NonUnitStride.class,
        new Vectorize("i", 4).check(jki).orElseThrow());
    assertInstanceOf(Refusal.BadParameter.class,
        new Vectorize("j", 5).check(Kernels.elementwise(4, 8)).orElseThrow());
    assertInstanceOf(Refusal.UnsupportedShape.class,
        new Vectorize("i", 4).check(Kernels.elementwise(4, 8)).orElseThrow());
  }
}
