// Interpreter semantics of the math dialect: transcendental and rounding functions on floats.
package dev.colt.exec.interp;

import dev.colt.exec.data.Numerics;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * math ops computed in double on the operand's exact value, then rounded once to the element
 * type (so f32 results are the correctly rounded f32 of a double-precision evaluation).
 * {@code math.fma} is fused: a single rounding for f32 and f64. For f16 it rounds the double fma
 * to half, which can differ from a true f16 fma in rare double-rounding cases.
 */
final class MathOps {
  private MathOps() {}

  static void register(Map<String, OpCompiler> m) {
    unary(m, "math.exp", Math::exp);
    unary(m, "math.exp2", a -> Math.pow(2.0, a));
    unary(m, "math.expm1", Math::expm1);
    unary(m, "math.log", Math::log);
    unary(m, "math.log2", a -> Math.log(a) / Math.log(2.0));
    unary(m, "math.log10", Math::log10);
    unary(m, "math.log1p", Math::log1p);
    unary(m, "math.sqrt", Math::sqrt);
    unary(m, "math.rsqrt", a -> 1.0 / Math.sqrt(a));
    unary(m, "math.tanh", Math::tanh);
    unary(m, "math.erf", MathOps::erf);
    unary(m, "math.absf", Math::abs);
    unary(m, "math.sin", Math::sin);
    unary(m, "math.cos", Math::cos);
    unary(m, "math.floor", Math::floor);
    unary(m, "math.ceil", Math::ceil);
    unary(m, "math.round", MathOps::roundHalfAway);
    unary(m, "math.roundeven", Math::rint);
    unary(m, "math.trunc", a -> a < 0 ? Math.ceil(a) : Math.floor(a));
    binary(m, "math.powf", Math::pow);
    binary(m, "math.copysign", Math::copySign);
    binary(m, "math.atan2", Math::atan2);
    m.put("math.fma", (op, c) -> {
      int w = Elementwise.floatWidth(op, op.result().type());
      return Elementwise.floats3ToFloat(op, c, switch (w) {
        case 16 -> (a, b, d) -> Numerics.toF16(Math.fma(a, b, d));
        case 32 -> (a, b, d) -> (double) Math.fma((float) a, (float) b, (float) d);
        default -> Math::fma;
      });
    });
  }

  private static void unary(Map<String, OpCompiler> m, String name, DoubleUnaryOperator k) {
    m.put(name, (op, c) -> Elementwise.floatToFloat(op, c,
        Elementwise.rounded(Elementwise.floatWidth(op, op.result().type()), k)));
  }

  private static void binary(Map<String, OpCompiler> m, String name, DoubleBinaryOperator k) {
    m.put(name, (op, c) -> Elementwise.floatsToFloat(op, c,
        Elementwise.rounded(Elementwise.floatWidth(op, op.result().type()), k)));
  }

  /** Rounds to the nearest integer, halfway cases away from zero (C's round). */
  static double roundHalfAway(double a) {
    if (Double.isNaN(a) || Double.isInfinite(a)) {
      return a;
    }
    double t = Math.floor(Math.abs(a));
    if (Math.abs(a) - t >= 0.5) {
      t += 1.0;
    }
    return Math.copySign(t, a);
  }

  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

  /**
   * The error function to about double precision: erf(x) = 2/sqrt(pi) exp(-x^2) sum_n
   * 2^n x^(2n+1) / (1*3*...*(2n+1)), a series of positive terms (no cancellation); |x| >= 6 gives
   * +-1 (erfc(6) is below 2^-55).
   */
  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    if (ax >= 6.0) {
      return Math.copySign(1.0, x);
    }
    double x2 = ax * ax;
    double term = ax;
    double sum = ax;
    for (int n = 1; n < 200; n++) {
      term *= 2.0 * x2 / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    double r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    return Math.copySign(Math.min(r, 1.0), x);
  }
}
