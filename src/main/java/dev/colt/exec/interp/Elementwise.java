// Builds steps for lane-wise ops, on scalars and (lane by lane) on vectors, from scalar kernels.
package dev.colt.exec.interp;

import dev.colt.exec.data.Numerics;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleToLongFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

/**
 * Step builders for ops that apply a scalar kernel to each lane. A scalar op reads and writes
 * frame slots directly; a vector op (result of vector type) applies the kernel to each element of
 * its operand arrays and stores a new array. Kernels already round their result to the element
 * type.
 */
final class Elementwise {
  private Elementwise() {}

  /** A float kernel of three operands (fma). */
  @FunctionalInterface
  interface DoubleTernaryOperator {
    double apply(double a, double b, double c);
  }

  /** A predicate on two floats giving 0 or 1 (cmpf). */
  @FunctionalInterface
  interface DoubleComparison {
    long apply(double a, double b);
  }

  static boolean isVector(Type t) {
    return t instanceof VectorType;
  }

  /** Bit width of an integer/index scalar or vector element type (index is 64). */
  static int intWidth(Operation op, Type t) {
    Type e = t.elementTypeOrSelf();
    if (e instanceof IntegerType i) {
      return i.width();
    }
    if (e.isIndex()) {
      return 64;
    }
    throw new InterpreterException(op, "expects an integer or index type, got " + t);
  }

  /** Bit width of a float scalar or vector element type. */
  static int floatWidth(Operation op, Type t) {
    if (t.elementTypeOrSelf() instanceof FloatType f) {
      return f.width();
    }
    throw new InterpreterException(op, "expects a float type, got " + t);
  }

  /** {@code raw} followed by rounding to a float type of {@code width} bits. */
  static DoubleBinaryOperator rounded(int width, DoubleBinaryOperator raw) {
    return switch (width) {
      case 16 -> (a, b) -> Numerics.toF16(raw.applyAsDouble(a, b));
      case 32 -> (a, b) -> (double) (float) raw.applyAsDouble(a, b);
      default -> raw;
    };
  }

  /** {@code raw} followed by rounding to a float type of {@code width} bits. */
  static DoubleUnaryOperator rounded(int width, DoubleUnaryOperator raw) {
    return switch (width) {
      case 16 -> a -> Numerics.toF16(raw.applyAsDouble(a));
      case 32 -> a -> (double) (float) raw.applyAsDouble(a);
      default -> raw;
    };
  }

  static Step floatToFloat(Operation op, FunctionCompiler c, DoubleUnaryOperator k) {
    int a = c.operand(op, 0);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        double[] x = (double[]) f.refs[a];
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.applyAsDouble(x[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.floats[r] = k.applyAsDouble(f.floats[a]);
  }

  static Step floatsToFloat(Operation op, FunctionCompiler c, DoubleBinaryOperator k) {
    int a = c.operand(op, 0);
    int b = c.operand(op, 1);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        double[] x = (double[]) f.refs[a];
        double[] y = (double[]) f.refs[b];
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.applyAsDouble(x[i], y[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.floats[r] = k.applyAsDouble(f.floats[a], f.floats[b]);
  }

  static Step floats3ToFloat(Operation op, FunctionCompiler c, DoubleTernaryOperator k) {
    int a = c.operand(op, 0);
    int b = c.operand(op, 1);
    int d = c.operand(op, 2);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        double[] x = (double[]) f.refs[a];
        double[] y = (double[]) f.refs[b];
        double[] w = (double[]) f.refs[d];
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.apply(x[i], y[i], w[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.floats[r] = k.apply(f.floats[a], f.floats[b], f.floats[d]);
  }

  static Step intToInt(Operation op, FunctionCompiler c, LongUnaryOperator k) {
    int a = c.operand(op, 0);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        long[] x = (long[]) f.refs[a];
        long[] z = new long[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.applyAsLong(x[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.ints[r] = k.applyAsLong(f.ints[a]);
  }

  static Step intsToInt(Operation op, FunctionCompiler c, LongBinaryOperator k) {
    int a = c.operand(op, 0);
    int b = c.operand(op, 1);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        long[] x = (long[]) f.refs[a];
        long[] y = (long[]) f.refs[b];
        long[] z = new long[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.applyAsLong(x[i], y[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.ints[r] = k.applyAsLong(f.ints[a], f.ints[b]);
  }

  static Step floatsToInt(Operation op, FunctionCompiler c, DoubleComparison k) {
    int a = c.operand(op, 0);
    int b = c.operand(op, 1);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        double[] x = (double[]) f.refs[a];
        double[] y = (double[]) f.refs[b];
        long[] z = new long[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.apply(x[i], y[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.ints[r] = k.apply(f.floats[a], f.floats[b]);
  }

  static Step floatToInt(Operation op, FunctionCompiler c, DoubleToLongFunction k) {
    int a = c.operand(op, 0);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        double[] x = (double[]) f.refs[a];
        long[] z = new long[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.applyAsLong(x[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.ints[r] = k.applyAsLong(f.floats[a]);
  }

  static Step intToFloat(Operation op, FunctionCompiler c, LongToDoubleFunction k) {
    int a = c.operand(op, 0);
    int r = c.result(op, 0);
    if (isVector(op.result().type())) {
      return f -> {
        long[] x = (long[]) f.refs[a];
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = k.applyAsDouble(x[i]);
        }
        f.refs[r] = z;
      };
    }
    return f -> f.floats[r] = k.applyAsDouble(f.ints[a]);
  }
}
