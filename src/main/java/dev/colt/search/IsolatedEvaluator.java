// Measures candidate functions in the isolated worker against the untransformed function.
package dev.colt.search;

import dev.colt.dialect.func.FuncOp;
import dev.colt.exec.isolate.IsolatedRunner;
import dev.colt.exec.measure.CandidateResult;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The search's reward source: each candidate function replaces the tuned function in a copy of its
 * module and is checked (outputs on the pattern inputs against the reference, with a tolerance for
 * float reassociation) and timed against the reference in interleaved rounds by an
 * {@link IsolatedRunner}, so crashes and hangs become recorded failures. Not thread-safe.
 */
public final class IsolatedEvaluator implements Evaluator<Operation> {
  private final IsolatedRunner runner;
  private final Operation referenceModule;
  private final String function;
  private final MeasureConfig config;
  private final double tolerance;

  /**
   * @param referenceModule the module holding the untransformed function (and anything it calls)
   * @param function the name of the tuned function
   */
  public IsolatedEvaluator(IsolatedRunner runner, Operation referenceModule, String function,
      MeasureConfig config, double tolerance) {
    this.runner = runner;
    this.referenceModule = referenceModule;
    this.function = function;
    this.config = config;
    this.tolerance = tolerance;
  }

  /**
   * Charges lowering, worker start-up and compiling to {@link PhaseClock.Phase#COMPILE} and the
   * rest of the call (checking, timing) to {@link PhaseClock.Phase#RUN}.
   */
  @Override
  public Evaluation evaluate(Operation candidateFunc, PhaseClock clock) {
    return clock.time(PhaseClock.Phase.RUN, () -> {
      Evaluation e = evaluate(candidateFunc);
      IsolatedRunner.Times t = runner.lastTimes();
      clock.reassign(PhaseClock.Phase.COMPILE, t.lowerNanos() + t.startNanos() + t.compileNanos());
      return e;
    });
  }

  @Override
  public Evaluation evaluate(Operation candidateFunc) {
    Operation candidate = withFunction(referenceModule, function, candidateFunc);
    CandidateResult r;
    try {
      r = runner.evaluate(referenceModule, candidate, function, config, tolerance);
    } catch (IOException | RuntimeException e) {
      return Evaluation.failed(Evaluation.Status.CRASH, "measurement failed: " + e.getMessage());
    }
    return switch (r) {
      case CandidateResult.Measured m -> new Evaluation(Evaluation.Status.OK,
          m.comparison().speedup(), m.comparison().candidate().medianNanos() / 1e6, "");
      case CandidateResult.Wrong w -> Evaluation.failed(Evaluation.Status.WRONG, w.mismatch());
      case CandidateResult.CompileError c -> Evaluation.failed(Evaluation.Status.COMPILE_ERROR,
          c.message());
      case CandidateResult.Crashed c -> Evaluation.failed(Evaluation.Status.CRASH, c.detail());
      case CandidateResult.TimedOut t -> Evaluation.failed(Evaluation.Status.TIMEOUT,
          "no answer within " + t.limitMillis() + " ms");
    };
  }

  /**
   * A copy of {@code module} whose function named {@code name} is {@code func}. Fails with
   * IllegalArgumentException when the module has no such function.
   */
  public static Operation withFunction(Operation module, String name, Operation func) {
    Operation old = FuncOp.lookup(module, name);
    if (old == null) {
      throw new IllegalArgumentException("no function @" + name + " in the module");
    }
    List<Operation> ops = new ArrayList<>(ModuleOp.body(module));
    ops.set(ops.indexOf(old), func);
    return module.withBody(module.body().withOperations(ops));
  }
}
