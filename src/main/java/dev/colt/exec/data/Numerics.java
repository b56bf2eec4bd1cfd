// Rounding of doubles to f16/f32 and wrapping of 64-bit integers to iN: the element semantics.
package dev.colt.exec.data;

/**
 * Scalar value semantics shared by buffers and the interpreter. Floats are carried as doubles that
 * hold a value exactly representable in their type; integers as 64-bit longs holding the signless
 * bits in canonical form: i1 as 0 or 1, other widths below 64 sign-extended.
 */
public final class Numerics {
  private Numerics() {}

  /** Rounds {@code x} to the nearest f32 value (ties to even) and widens it back. */
  public static double toF32(double x) {
    return (double) (float) x;
  }

  /**
   * Rounds {@code x} to the nearest f16 value (ties to even, overflow to infinity) and widens it
   * back. Correct for every double: it first rounds to float with round-to-odd, which makes the
   * second rounding to half exact.
   */
  public static double toF16(double x) {
    return Float.float16ToFloat(halfBits(x));
  }

  /** The binary16 bits of {@code x} rounded to nearest even. */
  public static short halfBits(double x) {
    float f = (float) x;
    if ((double) f != x && !Double.isNaN(x) && (Float.floatToRawIntBits(f) & 1) == 0) {
      f = x > f ? Math.nextUp(f) : Math.nextDown(f);
    }
    return Float.floatToFloat16(f);
  }

  /** Rounds {@code x} to a float type of the given width (16, 32 or 64). */
  public static double roundFloat(int width, double x) {
    return switch (width) {
      case 16 -> toF16(x);
      case 32 -> toF32(x);
      default -> x;
    };
  }

  /** The canonical form of the low {@code width} bits of {@code x} (see the class comment). */
  public static long wrap(int width, long x) {
    if (width >= 64) {
      return x;
    }
    if (width == 1) {
      return x & 1;
    }
    int shift = 64 - width;
    return (x << shift) >> shift;
  }

  /** The signed value of a canonical iN (i1 true is -1). */
  public static long signed(int width, long x) {
    return width == 1 ? -x : x;
  }

  /** The unsigned value of a canonical iN, as a long to be compared with Long.compareUnsigned. */
  public static long unsigned(int width, long x) {
    return width >= 64 ? x : x & ((1L << width) - 1);
  }

  /** The unsigned 64-bit value {@code x} as a double, rounded to nearest. */
  public static double unsignedToDouble(long x) {
    if (x >= 0) {
      return (double) x;
    }
    double half = (double) ((x >>> 1) | (x & 1));
    return half * 2.0;
  }
}
