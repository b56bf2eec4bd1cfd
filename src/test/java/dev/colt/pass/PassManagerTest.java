// Tests of the pass manager: nesting over functions, remarks, failures naming the pass, IR dumps.
package dev.colt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassManagerTest {
  private static Operation function(String name, int line, List<Operation> body) {
    return Operation.create("func.func", List.of(), List.of(),
        Map.of("sym_name", new Attribute.StringAttr(name)),
        List.of(Region.of(new Block(List.of(), body))), new Location("in.mlir", line, 1));
  }

  private static Operation marker(int line) {
    return Operation.create("test.marker", List.of(), List.of(), Map.of(), List.of(),
        new Location("in.mlir", line, 3));
  }

  private static Operation module() {
    return ModuleOp.create(List.of(function("f", 1, List.of(marker(2), marker(3))),
        function("g", 5, List.of(marker(6)))));
  }

  private static PassManager manager(String pipeline, PassManager.Config config) {
    return new PassManager(PipelineParser.parse(pipeline, "<p>", PassRegistry.global()), config);
  }

  @Test
  void nestedPipelinesRunOnEveryFunctionAndCollectRemarks() {
    List<Diagnostic> diags = new ArrayList<>();
    Operation in = module();
    Operation out = manager("builtin.module(func.func(test-op-remark{op=test.marker}),"
        + "test-module-remark)", PassManager.Config.of(IrVerifier.NONE).withDiagnostics(diags::add))
        .run(in);
    assertSame(in, out);
    assertEquals(List.of("in.mlir:2:3: remark: found test.marker",
        "in.mlir:3:3: remark: found test.marker", "in.mlir:6:3: remark: found test.marker",
        "<unknown>:0:0: remark: module with 2 ops"),
        diags.stream().map(Diagnostic::toString).toList());
  }

  @Test
  void aFailingPassGivesALocatedErrorNamingThePass() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> manager("builtin.module(func.func(test-op-remark{op=test.marker fail}))",
            PassManager.Config.of(IrVerifier.NONE)).run(module()));
    assertEquals("in.mlir:2:3: error: pass 'test-op-remark' failed: found test.marker",
        e.diagnostics().get(0).toString());
  }

  @Test
  void verifierErrorsAfterAPassNameThePass() {
    IrVerifier rejectAll = op -> List.of(Diagnostic.error(op.location(), "bad IR"));
    Operation withDeadConstant = ModuleOp.create(List.of(function("f", 1, List.of(
        Operation.create("arith.constant", List.of(), List.of(dev.colt.ir.IndexType.INSTANCE),
            Map.of("value", Attribute.index(1)), List.of(), new Location("in.mlir", 2, 3)),
        Operation.create("arith.constant", List.of(), List.of(dev.colt.ir.IndexType.INSTANCE),
            Map.of("value", Attribute.index(1)), List.of(), new Location("in.mlir", 3, 3))))));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> manager("builtin.module(func.func(canonicalize))", PassManager.Config.of(rejectAll))
            .run(withDeadConstant));
    assertEquals("in.mlir:1:1: error: verification failed after pass 'canonicalize': bad IR",
        e.diagnostics().get(0).toString());
    // An unchanged op is not re-verified.
    Operation same = module();
    assertSame(same, manager("builtin.module(func.func(cse))", PassManager.Config.of(rejectAll))
        .run(same));
  }

  @Test
  void dumpsIrBeforeAndAfterEachPass() {
    StringBuilder dumps = new StringBuilder();
    manager("builtin.module(func.func(cse),test-module-remark)", PassManager.Config.of(
        IrVerifier.NONE).withDumps(true, true, op -> op.name() + "\n", dumps::append))
        .run(module());
    assertEquals("""
        // -----// IR Dump Before cse //----- //
        func.func
        // -----// IR Dump After cse //----- //
        func.func
        // -----// IR Dump Before cse //----- //
        func.func
        // -----// IR Dump After cse //----- //
        func.func
        // -----// IR Dump Before test-module-remark //----- //
        builtin.module
        // -----// IR Dump After test-module-remark //----- //
        builtin.module
        """, dumps.toString());
  }

  @Test
  void aCrashingPassIsReportedWithoutAStackTrace() {
    Pass crashing = new Pass() {
      @Override
      public PassInfo info() {
        return new PassInfo("crashing", "throws", "", PassInfo.Anchor.MODULE, List.of(), null);
      }

      @Override
      public Operation run(Operation op, PassContext context) {
        throw new IllegalStateException("boom");
      }
    };
    PassRegistry registry = PassRegistry.of(List.of(crashing));
    PassManager pm = new PassManager(PipelineParser.parse("builtin.module(crashing)", "<p>",
        registry), PassManager.Config.of(IrVerifier.NONE));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> pm.run(module()));
    assertTrue(e.getMessage().contains("pass 'crashing' crashed: IllegalStateException: boom"),
        e.getMessage());
  }
}
