// Elementwise constant folding over scalar attributes and dense vector attributes.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.List;

/**
 * Folds elementwise ops whose operands are all constants: scalars ({@link IntegerAttr},
 * {@link FloatAttr}) or vectors ({@link DenseElementsAttr}, splat or full). Each helper evaluates a
 * per-element function and builds the result attribute of the op's result type, rounded (floats) or
 * wrapped (integers) to that type. Integer operands reach the function as signed values at their
 * width. A helper returns null when an operand is not constant, when the function declines (returns
 * null), or when an integer vector element would not be exact in a dense attribute's double storage
 * (magnitude above 2^53).
 */
public final class ConstantFolder {
  private static final double EXACT_LIMIT = 9007199254740992.0; // 2^53

  private ConstantFolder() {}

  /** Per-element float function: operands to result (rounded by the caller to the result type). */
  @FunctionalInterface
  public interface FloatFn {
    double apply(double[] x);
  }

  /** Per-element integer function on signed operands; null means "do not fold". */
  @FunctionalInterface
  public interface IntFn {
    Long apply(long[] x);
  }

  /** Per-element float to integer function; null means "do not fold". */
  @FunctionalInterface
  public interface FloatToIntFn {
    Long apply(double[] x);
  }

  /** Per-element integer to float function; the result is rounded by the caller. */
  @FunctionalInterface
  public interface IntToFloatFn {
    double apply(long[] x);
  }

  /** Folds an op with float operands and a float result. */
  public static List<Attribute> floats(Operation op, List<Attribute> c, FloatFn fn) {
    if (!allConstant(c)) {
      return null;
    }
    return one(map(op.result().type(), i -> fn.apply(floatArgs(c, i))));
  }

  /** Folds an op with integer/index operands and an integer/index (or i1) result. */
  public static List<Attribute> ints(Operation op, List<Attribute> c, IntFn fn) {
    if (!allConstant(c)) {
      return null;
    }
    return one(map(op.result().type(), i -> fn.apply(intArgs(op, c, i))));
  }

  /** Folds an op with float operands and an integer (or i1) result. */
  public static List<Attribute> floatsToInt(Operation op, List<Attribute> c, FloatToIntFn fn) {
    if (!allConstant(c)) {
      return null;
    }
    return one(map(op.result().type(), i -> fn.apply(floatArgs(c, i))));
  }

  /** Folds an op with integer operands and a float result. */
  public static List<Attribute> intsToFloat(Operation op, List<Attribute> c, IntToFloatFn fn) {
    if (!allConstant(c)) {
      return null;
    }
    return one(map(op.result().type(), i -> fn.apply(intArgs(op, c, i))));
  }

  /** True when every operand has a constant. */
  public static boolean allConstant(List<Attribute> c) {
    for (Attribute a : c) {
      if (a == null) {
        return false;
      }
    }
    return true;
  }

  /** Number of elements of a scalar (1) or vector type. */
  public static int elementCount(Type t) {
    return t instanceof VectorType v ? (int) v.numElements() : 1;
  }

  /** Element {@code i} of a float constant (scalar constants repeat). */
  public static double floatAt(Attribute a, int i) {
    return switch (a) {
      case FloatAttr f -> f.value();
      case DenseElementsAttr d -> d.get(i);
      default -> throw new IllegalArgumentException("not a float constant: " + a);
    };
  }

  /** Element {@code i} of an integer constant as a signed value of {@code elementType}. */
  public static long intAt(Attribute a, int i, Type elementType) {
    long raw = switch (a) {
      case IntegerAttr n -> n.value();
      case DenseElementsAttr d -> (long) d.get(i);
      default -> throw new IllegalArgumentException("not an integer constant: " + a);
    };
    return ArithSemantics.toSigned(raw, ArithSemantics.bitWidth(elementType));
  }

  /** The result of per-element function {@code fn}: a Double for floats, a Long for integers. */
  @FunctionalInterface
  public interface ElementFn {
    Number apply(int i);
  }

  /**
   * Builds a constant of {@code type} (scalar or vector) from {@code fn}'s elements: floats rounded
   * to the element type, integers wrapped. Null when {@code fn} returns null for any element or an
   * integer vector element exceeds 2^53 in magnitude.
   */
  public static Attribute map(Type type, ElementFn fn) {
    Type elem = type.elementTypeOrSelf();
    if (type instanceof VectorType vt) {
      int n = (int) vt.numElements();
      double[] values = new double[n];
      boolean splat = true;
      for (int i = 0; i < n; i++) {
        Number r = fn.apply(i);
        if (r == null) {
          return null;
        }
        double v = toElement(r, elem);
        if (!elem.isFloat() && Math.abs(v) > EXACT_LIMIT) {
          return null;
        }
        values[i] = v;
        splat &= Double.doubleToLongBits(v) == Double.doubleToLongBits(values[0]);
      }
      return new DenseElementsAttr(vt, splat ? new double[] {values[0]} : values);
    }
    Number r = fn.apply(0);
    if (r == null) {
      return null;
    }
    return scalar(r, elem);
  }

  /** A scalar constant of {@code type} holding {@code value} rounded or wrapped to it. */
  public static Attribute scalar(Number value, Type type) {
    if (type instanceof FloatType ft) {
      return new FloatAttr(ArithSemantics.round(value.doubleValue(), ft), ft);
    }
    return new IntegerAttr(ArithSemantics.normalize(value.longValue(), type), type);
  }

  private static double toElement(Number r, Type elem) {
    if (elem instanceof FloatType ft) {
      return ArithSemantics.round(r.doubleValue(), ft);
    }
    return ArithSemantics.normalize(r.longValue(), elem);
  }

  private static double[] floatArgs(List<Attribute> c, int i) {
    double[] x = new double[c.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = floatAt(c.get(k), i);
    }
    return x;
  }

  private static long[] intArgs(Operation op, List<Attribute> c, int i) {
    long[] x = new long[c.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = intAt(c.get(k), i, op.operand(k).type().elementTypeOrSelf());
    }
    return x;
  }

  private static List<Attribute> one(Attribute a) {
    return a == null ? null : List.of(a);
  }
}
