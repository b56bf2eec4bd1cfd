// Tests loop permutation: legality on matmul and stencils, preserved results, refusals.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermuteTest {

  @Test
  void everyMatmulOrderIsLegalAndPreservesResults() {
    Operation mm = Kernels.matmul(6, 5, 7);
    for (List<String> order : List.of(List.of("i", "k", "j"), List.of("k", "j", "i"),
        List.of("j", "i", "k"))) {
      Operation out = TransformTesting.applyChecked(mm, new Permute(order));
      assertEquals(order, TransformTesting.loopNames(out));
    }
  }

  @Test
  void interchangeSwapsTwoLoops() {
    Operation mm = Kernels.matmul(4, 4, 4);
    Permute p = Permute.interchange(mm, "i", "k");
    assertEquals(List.of("k", "j", "i"), p.order());
    TransformTesting.applyChecked(mm, p);
  }

  @Test
  void skewedRecurrenceInterchangeIsRefused() {
    Operation f = Kernels.skewedRecurrence(8);
    Permute p = new Permute(List.of("j", "i"));
    Refusal r = p.check(f).orElseThrow();
    assertInstanceOf(Refusal.ViolatesDependence.class, r);
    assertTrue(r.detail().contains("<>"), r.detail());
    assertThrows(IllegalStateException.class, () -> p.apply(f));
  }

  @Test
  void gaussSeidelInterchangeIsLegal() {
    // The dependences are (<,=) and (=,<): swapping keeps both positive.
    TransformTesting.applyChecked(Kernels.gaussSeidel(9), new Permute(List.of("j", "i")));
  }

  @Test
  void triangularBoundsForbidInterchange() {
    Refusal r = new Permute(List.of("j", "i")).check(Kernels.triangular(8)).orElseThrow();
    assertInstanceOf(Refusal.UnsupportedShape.class, r);
  }

  @Test
  void missingLoopIsReported() {
    Refusal r = new Permute(List.of("i", "q")).check(Kernels.matmul(4, 4, 4)).orElseThrow();
    assertEquals("no loop 'q'", r.shortMessage());
  }
}
