// End-to-end tests of colt-search and apply-best: real JIT, isolated worker, tuning database.
package dev.colt.pass.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.StructuralHash;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.Attribute;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.pass.PassManager;
import dev.colt.pass.PassRegistry;
import dev.colt.pass.PipelineParser;
import dev.colt.schedule.Trace;
import dev.colt.search.TuningDatabase;
import dev.colt.search.TuningRecord;
import dev.colt.testkit.Kernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColtSearchPassTest {
  @TempDir
  Path dir;

  private static final String KERNEL = Kernels.squareMatmulText(48);

  private static Operation run(String pipeline, Operation module, List<Diagnostic> sink) {
    PassManager pm = new PassManager(PipelineParser.parse(pipeline, "<test>",
        PassRegistry.global()), PassManager.Config.of(Verifier::verify)
        .withDiagnostics(sink::add));
    return pm.run(module);
  }

  private static List<String> checksums(Operation module) {
    return Checksums.lines(Interpreter.runWithPatternInputs(module, "mm"));
  }

  @Test
  void searchReturnsAnEquivalentFasterProgramWithAReplayableTraceAndRecordsIt() throws Exception {
    Operation module = Parser.parseModule(KERNEL, "mm.mlir");
    Path db = dir.resolve("tuning.jsonl");
    Path report = dir.resolve("report.html");
    List<Diagnostic> remarks = new ArrayList<>();
    Operation tuned = run("builtin.module(func.func(colt-search{budget=6 progress=false "
        + "database=" + db + " report=" + report + "}))", module, remarks);
    Operation func = ModuleOp.body(tuned).get(0);
    assertEquals(checksums(module), checksums(tuned));
    Attribute.ArrayAttr trace = (Attribute.ArrayAttr) func.attr("colt.trace");
    List<String> steps = trace.elements().stream()
        .map(e -> ((Attribute.StringAttr) e).value()).toList();
    Operation replayed = Trace.parseText(String.join("\n", steps), "trace")
        .replay(ModuleOp.body(module).get(0));
    assertEquals(StructuralHash.of(replayed), StructuralHash.of(func.withoutAttribute(
        "colt.trace")));
    assertTrue(remarks.stream().anyMatch(d -> d.message().contains("best speedup")));
    TuningDatabase records = TuningDatabase.open(db);
    List<TuningRecord.Measurement> measured = records.records().stream()
        .filter(r -> r instanceof TuningRecord.Measurement)
        .map(r -> (TuningRecord.Measurement) r).toList();
    assertEquals(6, measured.size());
    assertEquals(1, records.records().stream().filter(r -> r instanceof TuningRecord.Run)
        .count());
    assertTrue(Files.readString(report).contains("<svg"));
    if (!steps.isEmpty()) {
      List<Diagnostic> applied = new ArrayList<>();
      Operation best = run("builtin.module(func.func(apply-best{database=" + db + "}))",
          module, applied);
      assertEquals(StructuralHash.of(func), StructuralHash.of(ModuleOp.body(best).get(0)));
      assertFalse(applied.isEmpty());
    }
  }

  @Test
  void tokenBudgetStopsASimulatedPoolAndTheDatabaseKeepsItsUsage() throws Exception {
    Operation module = Parser.parseModule(KERNEL, "mm.mlir");
    Path db = dir.resolve("budget.jsonl");
    Operation tuned = run("builtin.module(func.func(colt-search{budget=12 progress=false "
        + "random-depth=0 advisors=sim-1.5b,sim-32b token-budget=3000 database=" + db + "}))",
        module, new ArrayList<>());
    assertEquals(checksums(module), checksums(tuned));
    TuningRecord.Run run = TuningDatabase.open(db).records().stream()
        .filter(r -> r instanceof TuningRecord.Run).map(r -> (TuningRecord.Run) r)
        .findFirst().orElseThrow();
    long tokens = run.advisors().stream().mapToLong(s -> s.tokensIn() + s.tokensOut()).sum();
    int calls = run.advisors().stream().mapToInt(s -> s.calls()).sum();
    assertTrue(tokens >= 3000, "stopped before the budget: " + tokens);
    assertTrue(calls > 0 && tokens < 3000 + 2500, "went on after the budget (a call's prompt "
        + "is well under 2500 tokens here): " + tokens + " tokens in " + calls + " calls");
    assertTrue(run.measurements() < 12, "the token budget did not stop the search");
    assertTrue(run.advisors().stream().mapToDouble(s -> s.money()).sum() > 0);
    assertEquals("3000", run.config().get("token-budget"));
  }

  private String errorOf(String options) throws Exception {
    Operation module = Parser.parseModule(KERNEL, "mm.mlir");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> run(
        "builtin.module(func.func(colt-search{budget=2 progress=false " + options + "}))", module,
        new ArrayList<>()));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("mm.mlir", d.location().file());
    return d.message();
  }

  @Test
  void chatPoolMistakesAreErrorsAtTheFunction() throws Exception {
    assertTrue(errorOf("advisors=gpt").contains(
        "unknown advisor 'gpt'; offline advisors: heuristic, cost-model (chat advisors need a "
            + "pool file: pool=FILE)"));
    Path missing = dir.resolve("missing.json");
    assertTrue(errorOf("pool=" + missing + " advisors=x").contains(
        missing + ": advisor pool file not found"));
    Path pool = dir.resolve("pool.json");
    Files.writeString(pool, "{\"advisors\": [{\"name\": \"m\", \"backend\": \"ollama\", "
        + "\"base-url\": \"http://127.0.0.1:9\", \"model\": \"x\", \"size-params\": 1e9, "
        + "\"api-key-env\": \"COLT_SURELY_UNSET_KEY_VARIABLE\"}]}");
    assertTrue(errorOf("pool=" + pool + " advisors=m").contains(
        "environment variable COLT_SURELY_UNSET_KEY_VARIABLE (api-key-env) is not set"));
    assertTrue(errorOf("pool=" + pool).contains("defines m but advisors= names none of them"));
    assertTrue(errorOf("pool=" + pool + " record=a.jsonl replay=b.jsonl").contains(
        "record and replay cannot be used together"));
  }
}
