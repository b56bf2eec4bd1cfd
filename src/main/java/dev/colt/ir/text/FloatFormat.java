// Float literal conversion and MLIR's float printing (APFloat-compatible decimal or hex bits).
package dev.colt.ir.text;

import dev.colt.ir.FloatType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts float literals to values of f16/f32/f64 and prints values the way MLIR does: the
 * six-digit exponential form ({@code 1.000000e+00}) when it parses back to the same value, else
 * APFloat's shortest-round-trip form ({@code 0.333333343}, {@code 9.99999974E-6}) when that
 * contains a '.', else the bit pattern in hex ({@code 0x7F800000} for infinity).
 */
final class FloatFormat {
  private FloatFormat() {}

  /** Rounds a double to the nearest value of {@code type}, returned widened to double. */
  static double roundTo(double v, FloatType type) {
    return switch (type.width()) {
      case 16 -> Float.float16ToFloat(Float.floatToFloat16((float) v));
      case 32 -> (float) v;
      default -> v;
    };
  }

  /** Parses a decimal literal ({@code 1.5e-3}) rounded to {@code type}. */
  static double parseDecimal(String text, FloatType type) {
    return switch (type.width()) {
      case 16 -> Float.float16ToFloat(Float.floatToFloat16(Float.parseFloat(text)));
      case 32 -> Float.parseFloat(text);
      default -> Double.parseDouble(text);
    };
  }

  /** The value whose IEEE bit pattern of {@code type}'s width is {@code bits}. */
  static double fromBits(long bits, FloatType type) {
    return switch (type.width()) {
      case 16 -> Float.float16ToFloat((short) bits);
      case 32 -> Float.intBitsToFloat((int) bits);
      default -> Double.longBitsToDouble(bits);
    };
  }

  /** The IEEE bit pattern of {@code v} (a value of {@code type}) in {@code type}'s width. */
  static long toBits(double v, FloatType type) {
    return switch (type.width()) {
      case 16 -> Short.toUnsignedLong(Float.floatToFloat16((float) v));
      case 32 -> Integer.toUnsignedLong(Float.floatToRawIntBits((float) v));
      default -> Double.doubleToRawLongBits(v);
    };
  }

  /** MLIR's spelling of {@code v}, a value of {@code type}. */
  static String format(double v, FloatType type) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      String exp = apFloatString(v, type, 6, 0, false);
      double back = parseDecimal(exp, type);
      if (Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(roundTo(v, type))) {
        return exp;
      }
      String shortest = apFloatString(v, type, 0, 3, true);
      if (shortest.contains(".")) {
        return shortest;
      }
    }
    return "0x" + Long.toHexString(toBits(v, type)).toUpperCase();
  }

  private static int precisionBits(FloatType type) {
    return switch (type.width()) {
      case 16 -> 11;
      case 32 -> 24;
      default -> 53;
    };
  }

  /**
   * APFloat::toString: {@code formatPrecision} significant digits (0: enough to round-trip),
   * scientific notation when more than {@code maxPadding} zeros would be needed (0: always),
   * trailing zeros dropped when {@code truncateZero}.
   */
  static String apFloatString(double v, FloatType type, int formatPrecision, int maxPadding,
      boolean truncateZero) {
    StringBuilder str = new StringBuilder();
    boolean negative = Double.doubleToRawLongBits(v) < 0;
    if (negative) {
      str.append('-');
      v = -v;
    }
    if (v == 0) {
      if (maxPadding == 0) {
        if (truncateZero) {
          str.append("0.0E+0");
        } else {
          str.append("0.0");
          if (formatPrecision > 1) {
            str.append("0".repeat(formatPrecision - 1));
          }
          str.append("e+00");
        }
      } else {
        str.append('0');
      }
      return str.toString();
    }
    int semPrecision = precisionBits(type);
    // v = significand * 2^exp exactly, with significand an integer.
    BigDecimal exact = new BigDecimal(v);
    BigInteger significand;
    int exp;
    long bits = Double.doubleToRawLongBits(v);
    long mant = bits & ((1L << 52) - 1);
    int rawExp = (int) ((bits >>> 52) & 0x7ff);
    if (rawExp == 0) {
      significand = BigInteger.valueOf(mant);
      exp = -1074;
    } else {
      significand = BigInteger.valueOf(mant | (1L << 52));
      exp = rawExp - 1075;
    }
    assert exact.signum() > 0;
    if (formatPrecision == 0) {
      formatPrecision = 2 + semPrecision * 59 / 196;
    }
    int tz = significand.getLowestSetBit();
    significand = significand.shiftRight(tz);
    exp += tz;
    if (exp > 0) {
      significand = significand.shiftLeft(exp);
      exp = 0;
    } else if (exp < 0) {
      significand = significand.multiply(BigInteger.valueOf(5).pow(-exp));
    }
    // Now v = significand * 10^exp.
    int required = (formatPrecision * 196 + 58) / 59;
    int used = significand.bitLength();
    int discard = used > required ? (used - required) * 59 / 196 : 0;
    if (discard > 0) {
      significand = significand.divide(BigInteger.TEN.pow(discard));
      exp += discard;
    }
    String digitsMsbFirst = significand.toString();
    // Drop trailing zeros.
    int end = digitsMsbFirst.length();
    while (end > 1 && digitsMsbFirst.charAt(end - 1) == '0') {
      end--;
      exp++;
    }
    StringBuilder buf = new StringBuilder(digitsMsbFirst.substring(0, end));
    if (buf.length() > formatPrecision) {
      int drop = buf.length() - formatPrecision;
      char first = buf.charAt(formatPrecision);
      String kept = buf.substring(0, formatPrecision);
      exp += drop;
      if (first >= '5') {
        BigInteger up = new BigInteger(kept).add(BigInteger.ONE);
        kept = up.toString();
        if (kept.length() > formatPrecision) {
          kept = kept.substring(0, formatPrecision);
          exp++;
        }
      }
      int e2 = kept.length();
      while (e2 > 1 && kept.charAt(e2 - 1) == '0') {
        e2--;
        exp++;
      }
      buf = new StringBuilder(kept.substring(0, e2));
    }
    String digits = buf.toString();
    int nDigits = digits.length();
    boolean scientific;
    if (maxPadding == 0) {
      scientific = true;
    } else if (exp >= 0) {
      scientific = exp > maxPadding || nDigits + exp > formatPrecision;
    } else {
      int msd = exp + nDigits - 1;
      scientific = msd < 0 && -msd > maxPadding;
    }
    if (scientific) {
      exp += nDigits - 1;
      str.append(digits.charAt(0)).append('.');
      if (nDigits == 1 && truncateZero) {
        str.append('0');
      } else {
        str.append(digits, 1, nDigits);
      }
      if (!truncateZero && formatPrecision > nDigits - 1) {
        str.append("0".repeat(formatPrecision - nDigits + 1));
      }
      str.append(truncateZero ? 'E' : 'e');
      str.append(exp >= 0 ? '+' : '-');
      String e = Integer.toString(Math.abs(exp));
      if (!truncateZero && e.length() < 2) {
        e = "0" + e;
      }
      str.append(e);
      return str.toString();
    }
    if (exp >= 0) {
      str.append(digits).append("0".repeat(exp));
      return str.toString();
    }
    int unitPlace = -exp;
    if (unitPlace < nDigits) {
      str.append(digits, 0, nDigits - unitPlace).append('.')
          .append(digits, nDigits - unitPlace, nDigits);
    } else {
      str.append("0.").append("0".repeat(unitPlace - nDigits)).append(digits);
    }
    return str.toString();
  }
}
