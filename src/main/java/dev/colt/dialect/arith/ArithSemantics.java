// Bit-exact value semantics of arith types: integer wrap-around, signedness views, float rounding.
package dev.colt.dialect.arith;

import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Type;

/**
 * How the arith dialect's scalar types behave, shared by folding, the interpreter and tests.
 * Integers of width w are held in a {@code long}; the canonical form (what folding produces) is the
 * sign-extended value, except i1 which is 0 or 1. {@code index} is 64 bits wide. Floats are held
 * as doubles whose value is exactly representable in the float type.
 */
public final class ArithSemantics {
  private ArithSemantics() {}

  /** Bit width of an integer, index (64) or float type; fails on other types. */
  public static int bitWidth(Type t) {
    return switch (t) {
      case IntegerType i -> i.width();
      case IndexType i -> 64;
      case FloatType f -> f.width();
      default -> throw new IllegalArgumentException("no bit width for " + t);
    };
  }

  /** The low {@code width} bits of {@code v} read as a two's complement number. */
  public static long toSigned(long v, int width) {
    if (width >= 64) {
      return v;
    }
    int shift = 64 - width;
    return (v << shift) >> shift;
  }

  /** The low {@code width} bits of {@code v} read as an unsigned number (64 bits: raw bits). */
  public static long toUnsigned(long v, int width) {
    return width >= 64 ? v : v & ((1L << width) - 1);
  }

  /** The canonical held form of {@code v} wrapped to integer or index type {@code t}. */
  public static long normalize(long v, Type t) {
    int w = bitWidth(t);
    return w == 1 ? v & 1 : toSigned(v, w);
  }

  public static long minSigned(int width) {
    return width >= 64 ? Long.MIN_VALUE : -(1L << (width - 1));
  }

  public static long maxSigned(int width) {
    return width >= 64 ? Long.MAX_VALUE : (1L << (width - 1)) - 1;
  }

  /** Rounds {@code v} to the nearest value of float type {@code t} (ties to even). */
  public static double round(double v, FloatType t) {
    return switch (t.width()) {
      case 64 -> v;
      case 32 -> (double) (float) v;
      default -> roundToHalf(v);
    };
  }

  /** True when {@code v} is a value of float type {@code t} (NaN counts as representable). */
  public static boolean isRepresentable(double v, FloatType t) {
    return Double.isNaN(v) || Double.compare(round(v, t), v) == 0;
  }

  /**
   * Rounds a double directly to IEEE half precision (no intermediate float, so no double rounding),
   * ties to even, overflowing to infinity above 65504.
   */
  public static double roundToHalf(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
      return v;
    }
    double a = Math.abs(v);
    int e = Math.max(Math.getExponent(a), -14);
    double ulp = Math.scalb(1.0, e - 10);
    double r = Math.rint(a / ulp) * ulp;
    if (r > 65504.0) {
      r = Double.POSITIVE_INFINITY;
    }
    return Math.copySign(r, v);
  }

  /** {@code -v} by flipping the sign bit (also for NaN, as IEEE negate does). */
  public static double negate(double v) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ Long.MIN_VALUE);
  }

  /**
   * Converts the unsigned 64-bit number {@code bits} to the nearest value of float type {@code t}
   * (one rounding).
   */
  public static double unsignedToFloat(long bits, FloatType t) {
    if (bits >= 0) {
      return signedToFloat(bits, t);
    }
    // Halve keeping the lowest bit as a sticky bit, convert (one rounding), then double exactly.
    long half = (bits >>> 1) | (bits & 1);
    return switch (t.width()) {
      case 64 -> (double) half * 2.0;
      case 32 -> (double) ((float) half * 2.0f);
      default -> Double.POSITIVE_INFINITY; // every value >= 2^63 overflows half precision
    };
  }

  /** Converts the signed 64-bit number {@code v} to the nearest value of float type {@code t}. */
  public static double signedToFloat(long v, FloatType t) {
    return switch (t.width()) {
      case 64 -> (double) v;
      case 32 -> (double) (float) v;
      // |v| beyond 2^53 overflows half precision anyway, so the long to double step is exact here.
      default -> roundToHalf((double) v);
    };
  }

  /**
   * Float to signed integer of {@code width} bits, truncating toward zero; null when the value is
   * NaN, infinite or out of range (MLIR's result would be poison, so it does not fold).
   */
  public static Long floatToSigned(double v, int width) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    double t = v < 0 ? Math.ceil(v) : Math.floor(v);
    // Range check in double: the bounds -2^(w-1) and 2^(w-1) are exact powers of two.
    double lo = -Math.scalb(1.0, width - 1);
    double hi = Math.scalb(1.0, width - 1);
    if (t < lo || t >= hi) {
      return null;
    }
    return (long) t;
  }
}
