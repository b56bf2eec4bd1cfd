// Tests traces: text and JSON round trips, deterministic replay, located parse errors, the matmul schedule.
package dev.colt.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.StructuralHash;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import dev.colt.testkit.ReferenceInterpreter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {

  /** Register-tiled, vectorized matmul: the shape of the fast hand-written kernel. */
  static final String MATMUL_SCHEDULE = """
      # cache tiles, then a 4x16 register tile of 8-wide vector accumulators
      tile i,j,k sizes=4,16,8
      permute i.point,k.point,j.point
      vectorize j.point width=8
      unroll j.point full
      unroll-and-jam i.point factor=4
      scalar-replace k.point
      pack i.tile arg=1 strip=16
      pack i.point arg=0 strip=4 dim=0
      parallelize i.tile
      """;

  @Test
  void textRoundTrip() {
    Trace t = Trace.parseText(MATMUL_SCHEDULE, "s.trace");
    assertEquals(9, t.actions().size());
    assertEquals(new Action.Pack("i.tile", 1, 16), t.actions().get(6));
    assertEquals("pack i.point arg=0 strip=4 dim=0", t.actions().get(7).text());
    assertEquals(new Action.Tile(List.of("i", "j", "k"), List.of(4L, 16L, 8L)),
        t.actions().get(0));
    assertEquals(t, Trace.parseText(t.toText(), "again.trace"));
    assertEquals("unroll j.point full", t.actions().get(3).text());
  }

  @Test
  void jsonRoundTrip() {
    Trace t = Trace.parseText(MATMUL_SCHEDULE, "s.trace");
    String json = t.toJson();
    assertTrue(json.contains("\"kind\" : \"tile\""), json);
    assertEquals(t, Trace.parseJson(json));
  }

  @Test
  void replayIsDeterministicAndPreservesResults() {
    Trace t = Trace.parseText(MATMUL_SCHEDULE, "s.trace");
    Operation a = t.replay(Kernels.matmul(8, 32, 16));
    Operation b = t.replay(Kernels.matmul(8, 32, 16));
    assertEquals(StructuralHash.canonicalText(a), StructuralHash.canonicalText(b));
    assertEquals(LoopHandles.names(a), LoopHandles.names(b));
    List<double[]> expected = ReferenceInterpreter.runOnPatterns(Kernels.matmul(8, 32, 16));
    List<double[]> actual = ReferenceInterpreter.runOnPatterns(a);
    for (int i = 0; i < expected.get(2).length; i++) {
      assertEquals(expected.get(2)[i], actual.get(2)[i], 1e-4);
    }
    Operation k = LoopHandles.find(a, "k.point");
    assertEquals(8, AffineOps.iterInits(k).size());
    assertTrue(LoopHandles.find(a, "i.tile").hasAttr(AffineOps.PARALLEL_ATTR));
  }

  @Test
  void refusedActionStopsReplayWithItsReason() {
    Trace t = Trace.parseText("permute j,i\n", "bad.trace");
    Trace.ReplayException e = assertThrows(Trace.ReplayException.class,
        () -> t.replay(Kernels.skewedRecurrence(8)));
    assertEquals(0, e.index());
    assertTrue(e.getMessage().contains("would become"), e.getMessage());
  }

  @Test
  void parseErrorsAreLocated() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Trace.parseText("tile i,j sizes=4,4\n  unroll k factor=x\n", "f.trace"));
    assertEquals(2, e.diagnostics().get(0).location().line());
    assertEquals(3, e.diagnostics().get(0).location().column());
    assertThrows(DiagnosticException.class, () -> Trace.parseText("fuse i\n", "f.trace"));
    assertThrows(DiagnosticException.class, () -> Trace.parseText("tile i\n", "f.trace"));
    assertThrows(DiagnosticException.class, () -> Trace.parseJson("{\"actions\": [{}]}"));
    assertThrows(DiagnosticException.class, () -> Trace.parseJson("[1,"));
  }
}
