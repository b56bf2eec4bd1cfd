// Tests the fuse, normalize and skew actions: trace round trips, replay, and fusion in the menu of a model block.
package dev.colt.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.StructuralHash;
import dev.colt.dialect.func.FuncOp;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.exec.jit.JitRunner;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.lower.graph.GraphToAffine;
import dev.colt.transform.IrRewrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuseActionTest {

  private static final String TRACE = """
      fuse i,i2 depth=2
      fuse i,i3 depth=2
      skew i6,k2 factor=2
      normalize k2
      """;

  private static Operation loweredMlp() throws IOException {
    return GraphToAffine.lowerModule(Parser.parseModule(
        Files.readString(Path.of("testdata/models/mlp.mlir")), "mlp.mlir"));
  }

  @Test
  void textAndJsonRoundTrip() {
    Trace t = Trace.parseText(TRACE, "f.trace");
    assertEquals(new Action.Fuse("i", "i2", 2), t.actions().get(0));
    assertEquals(new Action.Skew("i6", "k2", 2), t.actions().get(2));
    assertEquals(new Action.Normalize("k2"), t.actions().get(3));
    assertEquals(t, Trace.parseText(t.toText(), "again.trace"));
    String json = t.toJson();
    assertTrue(json.contains("\"depth\" : 2"), json);
    assertEquals(t, Trace.parseJson(json));
  }

  @Test
  void malformedFuseAndSkewLinesAreLocatedErrors() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> Trace.parseText("normalize i\nfuse i depth=1\n", "f.trace"));
    assertEquals(2, e.diagnostics().get(0).location().line());
    assertTrue(e.getMessage().contains("takes two loops"), e.getMessage());
    assertThrows(DiagnosticException.class, () -> Trace.parseText("skew i,j\n", "f.trace"));
    assertThrows(DiagnosticException.class,
        () -> Trace.parseJson("{\"actions\": [{\"kind\": \"fuse\", \"loops\": [\"i\"],"
            + " \"depth\": 1}]}"));
  }

  @Test
  void mlpMenuOffersFusionAndTheFusedTraceReplaysWithTheSameResults() throws IOException {
    Operation module = loweredMlp();
    Operation func = LoopHandles.assign(FuncOp.lookup(module, "mlp"));
    List<Action> menu = ActionMenu.legalActions(func, Machine.host());
    List<Action> fusions = menu.stream().filter(a -> a instanceof Action.Fuse).toList();
    // init -> matmul -> bias -> gelu share (16, 256) bounds: each neighbour pair fuses at depth 2.
    assertTrue(fusions.contains(new Action.Fuse("i", "i2", 2)), fusions::toString);
    assertTrue(fusions.contains(new Action.Fuse("i3", "i4", 2)), fusions::toString);
    // The gelu output (16x256) and the second init (16x64) only share the outer loop.
    assertTrue(fusions.contains(new Action.Fuse("i4", "i5", 1)), fusions::toString);
    assertFalse(fusions.contains(new Action.Fuse("i4", "i5", 2)), fusions::toString);

    Trace t = Trace.parseText(TRACE, "f.trace");
    Operation a = t.replay(func);
    Operation b = t.replay(FuncOp.lookup(loweredMlp(), "mlp"));
    assertEquals(StructuralHash.canonicalText(a), StructuralHash.canonicalText(b));
    assertEquals(LoopHandles.names(a), LoopHandles.names(b));
    assertEquals(LoopForest.of(func).roots().size() - 2, LoopForest.of(a).roots().size());
    Operation after = IrRewrite.replace(module, FuncOp.lookup(module, "mlp"), List.of(a));
    List<String> expected = Checksums.lines(Interpreter.runWithPatternInputs(module, "mlp"));
    List<String> diff = Checksums.differences(expected,
        Checksums.lines(Interpreter.runWithPatternInputs(after, "mlp")), 1e-4);
    assertTrue(diff.isEmpty(), diff::toString);
    List<String> jit = Checksums.differences(expected,
        Checksums.lines(JitRunner.runWithPatternInputs(after, "mlp")), 1e-4);
    assertTrue(jit.isEmpty(), jit::toString);
  }
}
