// Interpreter semantics of the arith dialect: constants, float and integer arithmetic, compares, casts, select.
package dev.colt.exec.interp;

import dev.colt.exec.data.Numerics;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * MLIR's arith semantics. Floats round to their type after every op (f32 as Java float, f16 through
 * binary16, f64 in double). Integers are signless and wrap at their width. Undefined behaviour is
 * reported, not guessed: integer division by zero, signed division overflow, shift amounts not
 * below the width, and fptosi/fptoui of NaN or out-of-range values raise InterpreterException.
 */
final class ArithOps {
  private ArithOps() {}

  static void register(Map<String, OpCompiler> m) {
    m.put("arith.constant", ArithOps::constant);
    floatBinary(m, "arith.addf", (a, b) -> a + b);
    floatBinary(m, "arith.subf", (a, b) -> a - b);
    floatBinary(m, "arith.mulf", (a, b) -> a * b);
    floatBinary(m, "arith.divf", (a, b) -> a / b);
    floatBinary(m, "arith.remf", (a, b) -> a % b);
    floatBinary(m, "arith.maximumf", Math::max);
    floatBinary(m, "arith.minimumf", Math::min);
    floatBinary(m, "arith.maxnumf",
        (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b));
    floatBinary(m, "arith.minnumf",
        (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b));
    m.put("arith.negf", (op, c) -> Elementwise.floatToFloat(op, c, a -> -a));
    m.put("arith.cmpf", ArithOps::cmpf);
    m.put("arith.cmpi", ArithOps::cmpi);
    m.put("arith.select", ArithOps::select);
    intBinary(m, "arith.addi", (w, op) -> (a, b) -> Numerics.wrap(w, a + b));
    intBinary(m, "arith.subi", (w, op) -> (a, b) -> Numerics.wrap(w, a - b));
    intBinary(m, "arith.muli", (w, op) -> (a, b) -> Numerics.wrap(w, a * b));
    intBinary(m, "arith.andi", (w, op) -> (a, b) -> a & b);
    intBinary(m, "arith.ori", (w, op) -> (a, b) -> a | b);
    intBinary(m, "arith.xori", (w, op) -> (a, b) -> Numerics.wrap(w, a ^ b));
    intBinary(m, "arith.maxsi", (w, op) -> (a, b) ->
        Numerics.signed(w, a) >= Numerics.signed(w, b) ? a : b);
    intBinary(m, "arith.minsi", (w, op) -> (a, b) ->
        Numerics.signed(w, a) <= Numerics.signed(w, b) ? a : b);
    intBinary(m, "arith.maxui", (w, op) -> (a, b) ->
        Long.compareUnsigned(Numerics.unsigned(w, a), Numerics.unsigned(w, b)) >= 0 ? a : b);
    intBinary(m, "arith.minui", (w, op) -> (a, b) ->
        Long.compareUnsigned(Numerics.unsigned(w, a), Numerics.unsigned(w, b)) <= 0 ? a : b);
    intBinary(m, "arith.divsi", (w, op) -> (a, b) -> {
      long d = signedDivisor(op, w, a, b, true);
      return Numerics.wrap(w, Numerics.signed(w, a) / d);
    });
    intBinary(m, "arith.remsi", (w, op) -> (a, b) -> {
      long d = signedDivisor(op, w, a, b, false);
      return Numerics.wrap(w, Numerics.signed(w, a) % d);
    });
    intBinary(m, "arith.floordivsi", (w, op) -> (a, b) -> {
      long d = signedDivisor(op, w, a, b, true);
      return Numerics.wrap(w, Math.floorDiv(Numerics.signed(w, a), d));
    });
    intBinary(m, "arith.ceildivsi", (w, op) -> (a, b) -> {
      long d = signedDivisor(op, w, a, b, true);
      long n = Numerics.signed(w, a);
      long q = n / d;
      if (n % d != 0 && (n ^ d) >= 0) {
        q++;
      }
      return Numerics.wrap(w, q);
    });
    intBinary(m, "arith.divui", (w, op) -> (a, b) ->
        Numerics.wrap(w, Long.divideUnsigned(Numerics.unsigned(w, a), unsignedDivisor(op, w, b))));
    intBinary(m, "arith.remui", (w, op) -> (a, b) ->
        Numerics.wrap(w, Long.remainderUnsigned(Numerics.unsigned(w, a),
            unsignedDivisor(op, w, b))));
    intBinary(m, "arith.ceildivui", (w, op) -> (a, b) -> {
      long d = unsignedDivisor(op, w, b);
      long n = Numerics.unsigned(w, a);
      long q = Long.divideUnsigned(n, d);
      return Numerics.wrap(w, Long.remainderUnsigned(n, d) != 0 ? q + 1 : q);
    });
    intBinary(m, "arith.shli", (w, op) -> (a, b) ->
        Numerics.wrap(w, a << shiftAmount(op, w, b)));
    intBinary(m, "arith.shrsi", (w, op) -> (a, b) ->
        Numerics.wrap(w, Numerics.signed(w, a) >> shiftAmount(op, w, b)));
    intBinary(m, "arith.shrui", (w, op) -> (a, b) ->
        Numerics.wrap(w, Numerics.unsigned(w, a) >>> shiftAmount(op, w, b)));
    m.put("arith.index_cast", ArithOps::indexCast);
    m.put("arith.index_castui", ArithOps::indexCastUnsigned);
    m.put("arith.extsi", (op, c) -> {
      int in = Elementwise.intWidth(op, op.operand(0).type());
      int out = Elementwise.intWidth(op, op.result().type());
      return Elementwise.intToInt(op, c, a -> Numerics.wrap(out, Numerics.signed(in, a)));
    });
    m.put("arith.extui", (op, c) -> {
      int in = Elementwise.intWidth(op, op.operand(0).type());
      int out = Elementwise.intWidth(op, op.result().type());
      return Elementwise.intToInt(op, c, a -> Numerics.wrap(out, Numerics.unsigned(in, a)));
    });
    m.put("arith.trunci", (op, c) -> {
      int out = Elementwise.intWidth(op, op.result().type());
      return Elementwise.intToInt(op, c, a -> Numerics.wrap(out, a));
    });
    m.put("arith.sitofp", (op, c) -> {
      int in = Elementwise.intWidth(op, op.operand(0).type());
      int out = Elementwise.floatWidth(op, op.result().type());
      return Elementwise.intToFloat(op, c, a -> signedToFloat(out, Numerics.signed(in, a)));
    });
    m.put("arith.uitofp", (op, c) -> {
      int in = Elementwise.intWidth(op, op.operand(0).type());
      int out = Elementwise.floatWidth(op, op.result().type());
      return Elementwise.intToFloat(op, c, a -> unsignedToFloat(out, Numerics.unsigned(in, a)));
    });
    m.put("arith.fptosi", (op, c) -> {
      int out = Elementwise.intWidth(op, op.result().type());
      return Elementwise.floatToInt(op, c, a -> floatToSigned(op, out, a));
    });
    m.put("arith.fptoui", (op, c) -> {
      int out = Elementwise.intWidth(op, op.result().type());
      return Elementwise.floatToInt(op, c, a -> floatToUnsigned(op, out, a));
    });
    m.put("arith.extf", (op, c) -> Elementwise.floatToFloat(op, c, a -> a));
    m.put("arith.truncf", (op, c) -> {
      int out = Elementwise.floatWidth(op, op.result().type());
      return Elementwise.floatToFloat(op, c, Elementwise.rounded(out, a -> a));
    });
    m.put("arith.bitcast", ArithOps::bitcast);
  }

  /** A float op whose kernel is computed in double and rounded to the element type. */
  private static void floatBinary(Map<String, OpCompiler> m, String name, DoubleBinaryOperator k) {
    m.put(name, (op, c) -> Elementwise.floatsToFloat(op, c,
        Elementwise.rounded(Elementwise.floatWidth(op, op.result().type()), k)));
  }

  /** Makes an integer kernel for a width, given the op for error messages. */
  @FunctionalInterface
  private interface IntKernel {
    LongBinaryOperator forWidth(int width, Operation op);
  }

  private static void intBinary(Map<String, OpCompiler> m, String name, IntKernel k) {
    m.put(name, (op, c) -> Elementwise.intsToInt(op, c,
        k.forWidth(Elementwise.intWidth(op, op.result().type()), op)));
  }

  /**
   * The signed divisor {@code b}; fails on zero, and (when {@code checkOverflow}) on the one
   * overflowing quotient MIN / -1.
   */
  private static long signedDivisor(Operation op, int w, long a, long b, boolean checkOverflow) {
    long d = Numerics.signed(w, b);
    if (d == 0) {
      throw new InterpreterException(op, "integer division by zero");
    }
    long n = Numerics.signed(w, a);
    long min = w >= 64 ? Long.MIN_VALUE : -(1L << (w - 1));
    if (checkOverflow && d == -1 && n == min) {
      throw new InterpreterException(op, "signed division overflow (" + n + " / -1)");
    }
    return d;
  }

  private static long unsignedDivisor(Operation op, int w, long b) {
    long d = Numerics.unsigned(w, b);
    if (d == 0) {
      throw new InterpreterException(op, "integer division by zero");
    }
    return d;
  }

  private static int shiftAmount(Operation op, int w, long b) {
    long s = Numerics.unsigned(w, b);
    if (Long.compareUnsigned(s, w) >= 0) {
      throw new InterpreterException(op, "shift amount " + Long.toUnsignedString(s)
          + " is not below the bit width " + w);
    }
    return (int) s;
  }

  static double signedToFloat(int width, long v) {
    return switch (width) {
      case 16 -> Numerics.toF16((float) v);
      case 32 -> (double) (float) v;
      default -> (double) v;
    };
  }

  static double unsignedToFloat(int width, long v) {
    if (v >= 0) {
      return signedToFloat(width, v);
    }
    float half = (float) ((v >>> 1) | (v & 1));
    return switch (width) {
      case 16 -> Numerics.toF16(half * 2.0f);
      case 32 -> (double) (half * 2.0f);
      default -> Numerics.unsignedToDouble(v);
    };
  }

  private static long floatToSigned(Operation op, int w, double a) {
    double t = a < 0 ? Math.ceil(a) : Math.floor(a);
    double min = w >= 64 ? -0x1p63 : -Math.scalb(1.0, w - 1);
    double maxExclusive = w >= 64 ? 0x1p63 : Math.scalb(1.0, w - 1);
    if (Double.isNaN(a) || t < min || t >= maxExclusive) {
      throw new InterpreterException(op, "value " + a + " does not fit in a signed i" + w
          + " (poison)");
    }
    return Numerics.wrap(w, (long) t);
  }

  private static long floatToUnsigned(Operation op, int w, double a) {
    double t = a < 0 ? Math.ceil(a) : Math.floor(a);
    double maxExclusive = Math.scalb(1.0, w);
    if (Double.isNaN(a) || t < 0 || t >= maxExclusive) {
      throw new InterpreterException(op, "value " + a + " does not fit in an unsigned i" + w
          + " (poison)");
    }
    long v = t >= 0x1p63 ? (long) (t - 0x1p63) + Long.MIN_VALUE : (long) t;
    return Numerics.wrap(w, v);
  }

  private static Step constant(Operation op, FunctionCompiler c) {
    int r = c.result(op, 0);
    Type type = op.result().type();
    Attribute value = op.attr("value");
    if (type instanceof VectorType vt) {
      if (!(value instanceof Attribute.DenseElementsAttr dense)) {
        throw new InterpreterException(op, "vector constants need a dense elements value");
      }
      int n = (int) vt.numElements();
      if (vt.elementType().isFloat()) {
        int w = Elementwise.floatWidth(op, vt);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = Numerics.roundFloat(w, dense.get(i));
        }
        return f -> f.refs[r] = v;
      }
      int w = Elementwise.intWidth(op, vt);
      long[] v = new long[n];
      for (int i = 0; i < n; i++) {
        v[i] = Numerics.wrap(w, (long) dense.get(i));
      }
      return f -> f.refs[r] = v;
    }
    if (type.isFloat()) {
      if (!(value instanceof Attribute.FloatAttr fa)) {
        throw new InterpreterException(op, "float constant needs a float value");
      }
      double v = Numerics.roundFloat(Elementwise.floatWidth(op, type), fa.value());
      return f -> f.floats[r] = v;
    }
    if (type.isIntOrIndex()) {
      if (!(value instanceof Attribute.IntegerAttr ia)) {
        throw new InterpreterException(op, "integer constant needs an integer value");
      }
      long v = Numerics.wrap(Elementwise.intWidth(op, type), ia.value());
      return f -> f.ints[r] = v;
    }
    throw new InterpreterException(op, "constants of type " + type + " are not supported");
  }

  private static Step cmpf(Operation op, FunctionCompiler c) {
    int p = predicate(op);
    Elementwise.DoubleComparison k = switch (p) {
      case 0 -> (a, b) -> 0;
      case 1 -> (a, b) -> a == b ? 1 : 0;
      case 2 -> (a, b) -> a > b ? 1 : 0;
      case 3 -> (a, b) -> a >= b ? 1 : 0;
      case 4 -> (a, b) -> a < b ? 1 : 0;
      case 5 -> (a, b) -> a <= b ? 1 : 0;
      case 6 -> (a, b) -> a < b || a > b ? 1 : 0;
      case 7 -> (a, b) -> !Double.isNaN(a) && !Double.isNaN(b) ? 1 : 0;
      case 8 -> (a, b) -> !(a < b || a > b) ? 1 : 0;
      case 9 -> (a, b) -> !(a <= b) ? 1 : 0;
      case 10 -> (a, b) -> !(a < b) ? 1 : 0;
      case 11 -> (a, b) -> !(a >= b) ? 1 : 0;
      case 12 -> (a, b) -> !(a > b) ? 1 : 0;
      case 13 -> (a, b) -> a != b ? 1 : 0;
      case 14 -> (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? 1 : 0;
      case 15 -> (a, b) -> 1;
      default -> throw new InterpreterException(op, "unknown cmpf predicate " + p);
    };
    return Elementwise.floatsToInt(op, c, k);
  }

  private static Step cmpi(Operation op, FunctionCompiler c) {
    int p = predicate(op);
    int w = Elementwise.intWidth(op, op.operand(0).type());
    LongBinaryOperator k = switch (p) {
      case 0 -> (a, b) -> a == b ? 1 : 0;
      case 1 -> (a, b) -> a != b ? 1 : 0;
      case 2 -> (a, b) -> Numerics.signed(w, a) < Numerics.signed(w, b) ? 1 : 0;
      case 3 -> (a, b) -> Numerics.signed(w, a) <= Numerics.signed(w, b) ? 1 : 0;
      case 4 -> (a, b) -> Numerics.signed(w, a) > Numerics.signed(w, b) ? 1 : 0;
      case 5 -> (a, b) -> Numerics.signed(w, a) >= Numerics.signed(w, b) ? 1 : 0;
      case 6 -> (a, b) -> unsignedCompare(w, a, b) < 0 ? 1 : 0;
      case 7 -> (a, b) -> unsignedCompare(w, a, b) <= 0 ? 1 : 0;
      case 8 -> (a, b) -> unsignedCompare(w, a, b) > 0 ? 1 : 0;
      case 9 -> (a, b) -> unsignedCompare(w, a, b) >= 0 ? 1 : 0;
      default -> throw new InterpreterException(op, "unknown cmpi predicate " + p);
    };
    return Elementwise.intsToInt(op, c, k);
  }

  private static int unsignedCompare(int w, long a, long b) {
    return Long.compareUnsigned(Numerics.unsigned(w, a), Numerics.unsigned(w, b));
  }

  private static int predicate(Operation op) {
    if (op.attr("predicate") instanceof Attribute.IntegerAttr p) {
      return (int) p.value();
    }
    throw new InterpreterException(op, "needs an integer 'predicate' attribute");
  }

  private static Step select(Operation op, FunctionCompiler c) {
    int cond = c.operand(op, 0);
    Slot t = c.slot(op.operand(1), op);
    Slot e = c.slot(op.operand(2), op);
    int r = c.result(op, 0);
    if (op.operand(0).type() instanceof VectorType) {
      if (op.result().type().elementTypeOrSelf().isFloat()) {
        return f -> {
          long[] m = (long[]) f.refs[cond];
          double[] x = (double[]) f.refs[t.index()];
          double[] y = (double[]) f.refs[e.index()];
          double[] z = new double[m.length];
          for (int i = 0; i < z.length; i++) {
            z[i] = m[i] != 0 ? x[i] : y[i];
          }
          f.refs[r] = z;
        };
      }
      return f -> {
        long[] m = (long[]) f.refs[cond];
        long[] x = (long[]) f.refs[t.index()];
        long[] y = (long[]) f.refs[e.index()];
        long[] z = new long[m.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = m[i] != 0 ? x[i] : y[i];
        }
        f.refs[r] = z;
      };
    }
    int ti = t.index();
    int ei = e.index();
    return switch (t.kind()) {
      case INT -> f -> f.ints[r] = f.ints[cond] != 0 ? f.ints[ti] : f.ints[ei];
      case FLOAT -> f -> f.floats[r] = f.ints[cond] != 0 ? f.floats[ti] : f.floats[ei];
      case REF -> f -> f.refs[r] = f.ints[cond] != 0 ? f.refs[ti] : f.refs[ei];
    };
  }

  private static Step indexCast(Operation op, FunctionCompiler c) {
    int in = Elementwise.intWidth(op, op.operand(0).type());
    int out = Elementwise.intWidth(op, op.result().type());
    return Elementwise.intToInt(op, c, a -> Numerics.wrap(out, Numerics.signed(in, a)));
  }

  private static Step indexCastUnsigned(Operation op, FunctionCompiler c) {
    int in = Elementwise.intWidth(op, op.operand(0).type());
    int out = Elementwise.intWidth(op, op.result().type());
    return Elementwise.intToInt(op, c, a -> Numerics.wrap(out, Numerics.unsigned(in, a)));
  }

  private static Step bitcast(Operation op, FunctionCompiler c) {
    Type in = op.operand(0).type().elementTypeOrSelf();
    Type out = op.result().type().elementTypeOrSelf();
    if (in.isFloat() && out.isFloat() || in.isIntOrIndex() && out.isIntOrIndex()) {
      return in.isFloat() ? Elementwise.floatToFloat(op, c, a -> a)
          : Elementwise.intToInt(op, c, a -> a);
    }
    if (in.isFloat()) {
      int w = Elementwise.floatWidth(op, in);
      return Elementwise.floatToInt(op, c, switch (w) {
        case 16 -> a -> Numerics.halfBits(a);
        case 32 -> a -> Float.floatToRawIntBits((float) a);
        default -> Double::doubleToRawLongBits;
      });
    }
    int w = Elementwise.floatWidth(op, out);
    return Elementwise.intToFloat(op, c, switch (w) {
      case 16 -> a -> Float.float16ToFloat((short) a);
      case 32 -> a -> Float.intBitsToFloat((int) a);
      default -> Double::longBitsToDouble;
    });
  }
}
