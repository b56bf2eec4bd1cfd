// Runs or benchmarks one function of a module through the JIT, for colt-run and tests.
package dev.colt.exec.jit;

import dev.colt.analysis.WorkEstimate;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.measure.MeasureConfig;
import dev.colt.exec.measure.Measurement;
import dev.colt.exec.measure.Measurer;
import dev.colt.ir.Attribute;
import dev.colt.ir.FunctionType;
import dev.colt.ir.Location;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.DiagnosticException;
import dev.colt.lower.llvm.LlvmOptimizer;
import java.util.List;
import java.util.Locale;

/**
 * The JIT counterpart of {@code Interpreter.runWithPatternInputs}: compiles the module on the
 * calling thread's {@link Jit} at O3, runs {@code entry} once on fresh pattern inputs and returns
 * the arguments afterwards. Unsupported IR or an unknown entry fail with DiagnosticException.
 * The kernel runs in this process: a faulting kernel kills it (see dev.colt.exec.isolate).
 */
public final class JitRunner {
  private JitRunner() {}

  public static List<RuntimeValue> runWithPatternInputs(Operation module, String entry) {
    FunctionType type = signature(module, entry);
    List<RuntimeValue> args = PatternInputs.forSignature(type);
    try (JitModule m = Jit.forCurrentThread().compile(module)) {
      m.function(entry).call(args);
    }
    return args;
  }

  /** A timing of one function and the flops of one call counted from its IR. */
  public record Bench(Measurement measurement, long flops) {
    /** {@code median_ms=<..> gflops=<..>}, colt-run's --bench line. */
    public String line() {
      return String.format(Locale.ROOT, "median_ms=%.4f gflops=%.3f",
          measurement.medianMillis(), measurement.gflops(flops));
    }
  }

  /** Compiles at O3 and times {@code entry} on pattern inputs with {@code config}. */
  public static Bench bench(Operation module, String entry, MeasureConfig config) {
    Operation func = function(module, entry);
    FunctionType type = signature(module, entry);
    try (JitModule m = Jit.forCurrentThread().compile(module, LlvmOptimizer.DEFAULT_PIPELINE)) {
      Measurement t = new Measurer(config).measure(m.function(entry),
          PatternInputs.forSignature(type));
      return new Bench(t, WorkEstimate.of(func).flops());
    }
  }

  static Operation function(Operation module, String entry) {
    List<Operation> ops = module.is(ModuleOp.NAME) ? ModuleOp.body(module) : List.of(module);
    for (Operation op : ops) {
      if (op.is("func.func") && op.attr("sym_name") instanceof Attribute.StringAttr n
          && n.value().equals(entry)) {
        return op;
      }
    }
    throw new DiagnosticException(module.location().isKnown() ? module.location()
        : Location.UNKNOWN, "no function @" + entry + " in the module");
  }

  static FunctionType signature(Operation module, String entry) {
    return (FunctionType) ((Attribute.TypeAttr) function(module, entry).attr("function_type"))
        .type();
  }
}
