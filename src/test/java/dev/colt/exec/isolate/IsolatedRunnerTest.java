// The isolated runner measures good candidates, flags wrong ones, survives crashes and stops hangs.
package dev.colt.exec.isolate;

import static dev.colt.lower.llvm.GenericOps.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.FloatType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.exec.measure.CandidateResult;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.exec.measure.OutputCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IsolatedRunnerTest {
  static final FloatType F32 = FloatType.F32;
  static final MemRefType VEC = MemRefType.of(F32, 64);
  static IsolatedRunner runner;

  @BeforeAll
  static void start() {
    runner = new IsolatedRunner(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  /** y[store(i)] = y[load(i)] OP x[load(i)] for i < trips. */
  static Operation axpyLike(String op, AffineMap store, long trips) {
    return axpyLike(op, AffineMap.identity(1), store, trips);
  }

  static Operation axpyLike(String op, AffineMap load, AffineMap store, long trips) {
    return module(func("k", List.of(VEC, VEC), List.of(), b -> {
      loop(b, 0, trips, 1, (bi, i) -> {
        Value x = load(bi, b.argument(0), load, i);
        Value y = load(bi, b.argument(1), load, i);
        store(bi, binary(bi, op, y, x), b.argument(1), store, i);
        return null;
      });
      b.add(ret());
      return null;
    }));
  }

  static Operation good() {
    return axpyLike("arith.addf", AffineMap.identity(1), 64);
  }

  @Test
  void measuresACorrectCandidateAndRecordsAWrongOne() throws Exception {
    CandidateResult same = runner.evaluate(good(), good(), "k", MeasureConfig.quick(),
        OutputCheck.DEFAULT_TOLERANCE);
    CandidateResult.Measured m = assertInstanceOf(CandidateResult.Measured.class, same);
    assertTrue(m.comparison().speedup() > 0);
    assertTrue(m.comparison().candidate().samples() >= 3);
    CandidateResult wrong = runner.evaluate(good(), axpyLike("arith.subf",
        AffineMap.identity(1), 64), "k", MeasureConfig.quick(), OutputCheck.DEFAULT_TOLERANCE);
    assertInstanceOf(CandidateResult.Wrong.class, wrong);
  }

  @Test
  void outOfBoundsCrashIsRecordedAndTheRunnerKeepsWorking() throws Exception {
    // Stores to y[i * 2^34]: far outside any mapping, so the worker dies of SIGSEGV.
    Operation crash = axpyLike("arith.addf",
        AffineMap.of(1, 0, AffineExpr.dim(0).times(1L << 34)), 64);
    int before = runner.restarts();
    CandidateResult r = runner.evaluate(good(), crash, "k", MeasureConfig.quick(),
        OutputCheck.DEFAULT_TOLERANCE);
    CandidateResult.Crashed c = assertInstanceOf(CandidateResult.Crashed.class, r);
    assertTrue(c.detail().contains("exited"), c.detail());
    assertInstanceOf(CandidateResult.Measured.class, runner.evaluate(good(), good(), "k",
        MeasureConfig.quick(), OutputCheck.DEFAULT_TOLERANCE));
    assertEquals(before + 1, runner.restarts());
  }

  @Test
  void hangingKernelIsStoppedByItsTimeout() throws Exception {
    // y[0] += x[0] repeated 2^62 times: float adds cannot be folded away, so it never ends.
    AffineMap first = AffineMap.of(1, 0, AffineExpr.constant(0));
    Operation hang = axpyLike("arith.addf", first, first, 1L << 62);
    try (IsolatedRunner quick = new IsolatedRunner(Duration.ofSeconds(3))) {
      CandidateResult r = quick.evaluate(good(), hang, "k", MeasureConfig.quick(),
          OutputCheck.DEFAULT_TOLERANCE);
      assertEquals(new CandidateResult.TimedOut(3000), r);
      IsolatedRunner.RunOutcome after = quick.run(good(), "k", 0, false, MeasureConfig.quick(),
          "default<O3>");
      IsolatedRunner.RunOutcome.Ran ran = assertInstanceOf(IsolatedRunner.RunOutcome.Ran.class,
          after);
      assertEquals(2, ran.result().checksums().size());
    }
  }
}
