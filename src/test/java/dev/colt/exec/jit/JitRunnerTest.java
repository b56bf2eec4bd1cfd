// JitRunner runs like the interpreter and benchmarks with flops counted from the IR.
package dev.colt.exec.jit;

import static org.junit.jupiter.api.Assertions.*;

import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitRunnerTest {
  @Test
  void runAgreesWithTheInterpreterAndBenchCountsMatmulFlops() {
    Operation module = JitKernelTest.matmul(24);
    List<Checksums.Checksum> jit = Checksums.of(JitRunner.runWithPatternInputs(module, "matmul"));
    List<Checksums.Checksum> interp = Checksums.of(Interpreter.runWithPatternInputs(module,
        "matmul"));
    for (int i = 0; i < jit.size(); i++) {
      assertTrue(interp.get(i).agrees(jit.get(i), 1e-5), jit.get(i).format());
    }
    JitRunner.Bench b = JitRunner.bench(module, "matmul", MeasureConfig.quick());
    assertEquals(2L * 24 * 24 * 24, b.flops());
    assertTrue(b.line().matches("median_ms=\\d+\\.\\d{4} gflops=\\d+\\.\\d{3}"), b.line());
    assertTrue(b.measurement().samples() >= 3);
  }

  @Test
  void unknownEntryIsADiagnostic() {
    assertThrows(DiagnosticException.class,
        () -> JitRunner.runWithPatternInputs(JitKernelTest.matmul(4), "nope"));
  }
}
