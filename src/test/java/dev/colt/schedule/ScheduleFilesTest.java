// The hand-written schedules in testdata/schedules: legal on their sizes, verified, and result-preserving.
package dev.colt.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.testkit.Kernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleFilesTest {

  private static Trace load(String name) throws IOException {
    Path p = Path.of("testdata/schedules", name);
    return Trace.parseText(Files.readString(p), p.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {512, 1024})
  void matmulScheduleAppliesAtItsSize(int n) throws IOException {
    Trace trace = load("matmul-" + n + ".trace");
    Operation out = trace.replay(Kernels.matmul(n, n, n));
    assertEquals(List.of(), Verifier.verify(ModuleOp.create(List.of(out))));
    Operation k = LoopHandles.find(out, "k.point");
    assertEquals(16, AffineOps.iterInits(k).size());
    assertEquals(1, LoopHandles.find(out, "j.tile").attributes().keySet().stream()
        .filter(a -> a.equals(AffineOps.PARALLEL_ATTR)).count());
  }

  @org.junit.jupiter.api.Test
  void everyActionOfTheMatmulScheduleIsOnTheSearchMenuAtItsStep() throws IOException {
    Operation cur = LoopHandles.assign(Kernels.matmul(512, 512, 512));
    for (Action a : load("matmul-512.trace").actions()) {
      List<Action> menu = ActionMenu.legalActions(cur, Machine.host());
      assertTrue(menu.contains(a), () -> a.text() + " is not among " + menu.size()
          + " legal actions: " + menu.stream().map(Action::text).toList());
      cur = a.transform().apply(cur);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"matmul-512.trace", "matmul-1024.trace"})
  void matmulScheduleComputesTheSameOnTheTestdataKernel(String file) throws IOException {
    Operation module = Parser.parseModule(Files.readString(Path.of("testdata/kernels/matmul.mlir")),
        "matmul.mlir");
    Trace trace = load(file);
    Operation out = ModuleOp.create(List.of(trace.replay(ModuleOp.body(module).get(0))));
    List<String> before = Checksums.lines(Interpreter.runWithPatternInputs(module, "matmul"));
    List<String> after = Checksums.lines(Interpreter.runWithPatternInputs(out, "matmul"));
    assertTrue(Checksums.differences(before, after, 1e-4).isEmpty(), after.toString());
  }
}
