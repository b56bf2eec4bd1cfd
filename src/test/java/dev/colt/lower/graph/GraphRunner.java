// Test helper: lowers a graph module to affine loops and runs it on the reference interpreter.
package dev.colt.lower.graph;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.interp.Interpreter;
import dev.colt.exec.jit.Jit;
import dev.colt.exec.jit.JitModule;
import dev.colt.ir.Attribute;
import dev.colt.ir.FunctionType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Verifier;
import dev.colt.ir.Type;
import java.util.ArrayList;
import java.util.List;

/** Runs the first function of a graph module: inputs and outputs as row-major double arrays. */
public final class GraphRunner {
  private GraphRunner() {}

  /** The first func.func of {@code module}. */
  public static Operation function(Operation module) {
    return ModuleOp.body(module).stream().filter(op -> op.is("func.func")).findFirst()
        .orElseThrow();
  }

  public static FunctionType signature(Operation func) {
    return (FunctionType) ((Attribute.TypeAttr) func.attr("function_type")).type();
  }

  /**
   * Verifies and lowers {@code graphModule}, verifies the result, then calls its first function on {@code inputs} (one array per
   * tensor argument) and returns one array per tensor result.
   */
  public static List<double[]> run(Operation graphModule, List<double[]> inputs) {
    return run(graphModule, inputs, Executor.INTERPRETER);
  }

  /** What runs the lowered function: the reference interpreter, or the JIT without LLVM passes. */
  public enum Executor { INTERPRETER, JIT }

  /** As {@link #run(Operation, List)} on the chosen executor. */
  public static List<double[]> run(Operation graphModule, List<double[]> inputs,
      Executor executor) {
    Operation graphFn = function(graphModule);
    FunctionType type = signature(graphFn);
    String name = ((Attribute.StringAttr) graphFn.attr("sym_name")).value();
    Verifier.verifyOrThrow(graphModule);
    Operation lowered = GraphToAffine.lowerModule(graphModule);
    Verifier.verifyOrThrow(lowered);
    List<Buffer> args = new ArrayList<>();
    for (int i = 0; i < type.inputs().size(); i++) {
      Buffer b = buffer(type.inputs().get(i));
      double[] data = inputs.get(i);
      if (data.length != b.size()) {
        throw new IllegalArgumentException("input " + i + " has " + data.length
            + " values for " + type.inputs().get(i));
      }
      for (int k = 0; k < data.length; k++) {
        b.setDouble(k, data[k]);
      }
      args.add(b);
    }
    List<Buffer> outs = new ArrayList<>();
    for (Type t : type.results()) {
      outs.add(buffer(t));
    }
    List<Buffer> all = new ArrayList<>(args);
    all.addAll(outs);
    if (executor == Executor.INTERPRETER) {
      new Interpreter(lowered).call(name, all);
    } else {
      try (JitModule m = Jit.forCurrentThread().compile(lowered)) {
        m.function(name).call(all);
      }
    }
    List<double[]> results = new ArrayList<>();
    for (Buffer b : outs) {
      double[] r = new double[(int) b.size()];
      for (int k = 0; k < r.length; k++) {
        r[k] = b.getDouble(k);
      }
      results.add(r);
    }
    return results;
  }

  private static Buffer buffer(Type t) {
    TensorType tt = (TensorType) t;
    return Buffer.allocate(tt.elementType(), tt.shape().stream().mapToLong(Long::longValue)
        .toArray());
  }

  /**
   * Index of the first element violating |actual - expected| <= atol + rtol * |expected| (NaNs
   * must match), or -1.
   */
  public static int firstMismatch(double[] actual, double[] expected, double rtol, double atol) {
    if (actual.length != expected.length) {
      return 0;
    }
    for (int i = 0; i < actual.length; i++) {
      double a = actual[i];
      double e = expected[i];
      if (Double.isNaN(e) || Double.isNaN(a)) {
        if (Double.isNaN(e) != Double.isNaN(a)) {
          return i;
        }
      } else if (Double.isInfinite(e)) {
        if (a != e) {
          return i;
        }
      } else if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
        return i;
      }
    }
    return -1;
  }
}
