// Test oracle: a small interpreter for functions of affine loops over f32 memrefs, arith and vector ops.
package dev.colt.testkit;

import dev.colt.analysis.AffineOps;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a func.func whose arguments are memrefs (given as row-major double arrays, values rounded
 * to f32 after every float op). Supports the ops the transformations produce; anything else fails
 * with UnsupportedOperationException.
 */
public final class ReferenceInterpreter {
  private final Map<Value, Object> env = new IdentityHashMap<>();

  /** A memref: shape and row-major data. */
  public record Buffer(long[] shape, double[] data) {
    public static Buffer pattern(MemRefType t, int argIndex) {
      long n = 1;
      long[] shape = new long[t.shape().size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = t.shape().get(i);
        n *= shape[i];
      }
      double[] d = new double[(int) n];
      for (int f = 0; f < n; f++) {
        d[f] = (((f * 7L + argIndex * 13L) % 17) - 8) / 8.0;
      }
      return new Buffer(shape, d);
    }

    int linear(long[] idx) {
      long f = 0;
      for (int i = 0; i < shape.length; i++) {
        if (idx[i] < 0 || idx[i] >= shape[i]) {
          throw new IndexOutOfBoundsException("index " + idx[i] + " out of bounds " + shape[i]);
        }
        f = f * shape[i] + idx[i];
      }
      return (int) f;
    }
  }

  /** Runs {@code func} on fresh pattern inputs and returns the final memref contents. */
  public static List<double[]> runOnPatterns(Operation func) {
    List<Buffer> bufs = new ArrayList<>();
    List<Value> args = func.body().arguments();
    for (int i = 0; i < args.size(); i++) {
      bufs.add(Buffer.pattern((MemRefType) args.get(i).type(), i));
    }
    new ReferenceInterpreter().run(func, bufs);
    return bufs.stream().map(Buffer::data).toList();
  }

  /**
   * True when {@code a} and {@code b} leave the same memref contents on pattern inputs, within
   * relative tolerance {@code tol} (NaN matches only NaN).
   */
  public static boolean sameResults(Operation a, Operation b, double tol) {
    List<double[]> x = runOnPatterns(a);
    List<double[]> y = runOnPatterns(b);
    for (int i = 0; i < x.size(); i++) {
      for (int j = 0; j < x.get(i).length; j++) {
        double e = x.get(i)[j];
        double g = y.get(i)[j];
        if (Double.isNaN(e) != Double.isNaN(g)
            || Math.abs(e - g) > tol * Math.max(1, Math.abs(e))) {
          return false;
        }
      }
    }
    return true;
  }

  public void run(Operation func, List<Buffer> args) {
    Block body = func.body();
    for (int i = 0; i < args.size(); i++) {
      env.put(body.arguments().get(i), args.get(i));
    }
    runBlock(body.operations());
  }

  /** Runs ops; returns the operands of the terminating yield/return, if any. */
  private List<Object> runBlock(List<Operation> ops) {
    for (Operation op : ops) {
      if (op.is(AffineOps.YIELD) || op.is("func.return")) {
        return op.operands().stream().map(env::get).toList();
      }
      exec(op);
    }
    return List.of();
  }

  private long[] indices(AffineMap map, List<Value> operands) {
    long[] vals = new long[operands.size()];
    for (int i = 0; i < vals.length; i++) {
      vals[i] = (Long) env.get(operands.get(i));
    }
    return map.evaluate(vals);
  }

  private static double f32(double v) {
    return (float) v;
  }

  private void exec(Operation op) {
    switch (op.name()) {
      case AffineOps.FOR -> {
        long lo = max(indices(AffineOps.lowerMap(op), AffineOps.lowerOperands(op)));
        long hi = min(indices(AffineOps.upperMap(op), AffineOps.upperOperands(op)));
        long step = AffineOps.step(op);
        List<Object> carried = AffineOps.iterInits(op).stream().map(env::get).toList();
        Block b = op.body();
        for (long iv = lo; iv < hi; iv += step) {
          env.put(b.arguments().get(0), iv);
          for (int i = 0; i < carried.size(); i++) {
            env.put(b.arguments().get(i + 1), carried.get(i));
          }
          carried = runBlock(b.operations());
        }
        for (int i = 0; i < carried.size(); i++) {
          env.put(op.result(i), carried.get(i));
        }
      }
      case AffineOps.IF -> {
        IntegerSet set = ((Attribute.IntegerSetAttr) op.attr("condition")).set();
        long[] vals = op.operands().stream().mapToLong(v -> (Long) env.get(v)).toArray();
        int region = set.contains(vals) ? 0 : 1;
        if (op.region(region).blocks().isEmpty()) {
          return;
        }
        List<Object> res = runBlock(op.body(region).operations());
        for (int i = 0; i < res.size(); i++) {
          env.put(op.result(i), res.get(i));
        }
      }
      case AffineOps.LOAD -> {
        Buffer m = (Buffer) env.get(op.operand(0));
        env.put(op.result(), m.data[m.linear(indices(AffineOps.accessMap(op),
            AffineOps.accessIndices(op)))]);
      }
      case AffineOps.STORE -> {
        Buffer m = (Buffer) env.get(op.operand(1));
        m.data[m.linear(indices(AffineOps.accessMap(op), AffineOps.accessIndices(op)))] =
            (Double) env.get(op.operand(0));
      }
      case AffineOps.VECTOR_LOAD -> {
        Buffer m = (Buffer) env.get(op.operand(0));
        long[] idx = indices(AffineOps.accessMap(op), AffineOps.accessIndices(op));
        int w = (int) (long) ((VectorType) op.result().type()).shape().get(0);
        double[] v = new double[w];
        for (int i = 0; i < w; i++) {
          long[] e = idx.clone();
          e[e.length - 1] += i;
          v[i] = m.data[m.linear(e)];
        }
        env.put(op.result(), v);
      }
      case AffineOps.VECTOR_STORE -> {
        Buffer m = (Buffer) env.get(op.operand(1));
        long[] idx = indices(AffineOps.accessMap(op), AffineOps.accessIndices(op));
        double[] v = (double[]) env.get(op.operand(0));
        for (int i = 0; i < v.length; i++) {
          long[] e = idx.clone();
          e[e.length - 1] += i;
          m.data[m.linear(e)] = v[i];
        }
      }
      case "memref.alloc", "memref.alloca" -> {
        MemRefType t = (MemRefType) op.result().type();
        long[] shape = t.shape().stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long x : shape) {
          n *= x;
        }
        env.put(op.result(), new Buffer(shape, new double[(int) n]));
      }
      case "memref.dealloc" -> env.remove(op.operand(0));
      case AffineOps.APPLY -> env.put(op.result(),
          indices(AffineOps.map(op), op.operands())[0]);
      case AffineOps.MIN -> env.put(op.result(), min(indices(AffineOps.map(op), op.operands())));
      case AffineOps.MAX -> env.put(op.result(), max(indices(AffineOps.map(op), op.operands())));
      case AffineOps.CONSTANT -> {
        Attribute a = op.attr("value");
        Object v = switch (a) {
          case Attribute.IntegerAttr ia -> (Object) ia.value();
          case Attribute.FloatAttr fa -> (Object) fa.value();
          case Attribute.DenseElementsAttr da -> {
            int w = (int) (long) ((VectorType) da.type()).shape().get(0);
            double[] d = new double[w];
            for (int i = 0; i < w; i++) {
              d[i] = da.get(i);
            }
            yield d;
          }
          default -> throw new UnsupportedOperationException("constant " + a);
        };
        env.put(op.result(), v);
      }
      case AffineOps.VECTOR_BROADCAST -> {
        int w = (int) (long) ((VectorType) op.result().type()).shape().get(0);
        double[] d = new double[w];
        java.util.Arrays.fill(d, (Double) env.get(op.operand(0)));
        env.put(op.result(), d);
      }
      case AffineOps.VECTOR_REDUCTION -> {
        String kind = ((Attribute.StringAttr) op.attr("kind")).value();
        double[] v = (double[]) env.get(op.operand(0));
        double acc = op.operands().size() > 1 ? (Double) env.get(op.operand(1))
            : identity(kind);
        for (double x : v) {
          acc = f32(combine(kind, acc, x));
        }
        env.put(op.result(), acc);
      }
      case AffineOps.VECTOR_FMA -> {
        double[] a = (double[]) env.get(op.operand(0));
        double[] b = (double[]) env.get(op.operand(1));
        double[] c = (double[]) env.get(op.operand(2));
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
          r[i] = f32(a[i] * b[i] + c[i]);
        }
        env.put(op.result(), r);
      }
      default -> {
        if (op.dialect().equals("arith") && op.operands().size() == 2) {
          String kind = op.name().substring("arith.".length());
          Object x = env.get(op.operand(0));
          Object y = env.get(op.operand(1));
          if (x instanceof double[] xv) {
            double[] yv = (double[]) y;
            double[] r = new double[xv.length];
            for (int i = 0; i < r.length; i++) {
              r[i] = f32(arith(kind, xv[i], yv[i]));
            }
            env.put(op.result(), r);
          } else if (x instanceof Double xd) {
            env.put(op.result(), f32(arith(kind, xd, (Double) y)));
          } else {
            env.put(op.result(), (long) arith(kind, (Long) x, (Long) y));
          }
          return;
        }
        throw new UnsupportedOperationException("interpreter: " + op.name());
      }
    }
  }

  private static double identity(String kind) {
    return switch (kind) {
      case "add" -> 0;
      case "mul" -> 1;
      case "maximumf", "maxnumf" -> Double.NEGATIVE_INFINITY;
      case "minimumf", "minnumf" -> Double.POSITIVE_INFINITY;
      default -> throw new UnsupportedOperationException(kind);
    };
  }

  private static double combine(String kind, double a, double b) {
    return switch (kind) {
      case "add" -> a + b;
      case "mul" -> a * b;
      case "maximumf", "maxnumf" -> Math.max(a, b);
      case "minimumf", "minnumf" -> Math.min(a, b);
      default -> throw new UnsupportedOperationException(kind);
    };
  }

  private static double arith(String kind, double a, double b) {
    return switch (kind) {
      case "addf", "addi" -> a + b;
      case "subf", "subi" -> a - b;
      case "mulf", "muli" -> a * b;
      case "divf" -> a / b;
      case "maximumf", "maxnumf", "maxsi" -> Math.max(a, b);
      case "minimumf", "minnumf", "minsi" -> Math.min(a, b);
      default -> throw new UnsupportedOperationException("arith." + kind);
    };
  }

  private static long max(long[] v) {
    long m = Long.MIN_VALUE;
    for (long x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static long min(long[] v) {
    long m = Long.MAX_VALUE;
    for (long x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

}
