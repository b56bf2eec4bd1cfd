// Compares a candidate's memref outputs with the reference's, allowing float reassociation error.
package dev.colt.exec.measure;

import dev.colt.exec.jit.Argument;
import dev.colt.exec.jit.PatternArguments;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Type;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Element-wise comparison of every memref argument after one call of the reference and one call of
 * the candidate on identical fresh inputs. Integer elements must be equal. Float elements a
 * (reference) and b pass when {@code |a - b| <= relTol * (|a| + scale)}, where scale is the mean
 * absolute value of the reference buffer: reordering a sum changes its result by a few ulps of the
 * magnitudes summed, which the scale term covers for outputs that cancel to near zero. NaN matches
 * only NaN.
 */
public final class OutputCheck {
  /** Default relative tolerance: float reassociation over sums of thousands of f32 terms. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  private OutputCheck() {}

  /** A description of the first mismatch, or empty when the outputs agree. */
  public static Optional<String> compare(FunctionType type, List<Argument> reference,
      List<Argument> candidate, double relTol) {
    for (int a = 0; a < reference.size(); a++) {
      if (!(reference.get(a) instanceof Argument.MemRef r)
          || !(candidate.get(a) instanceof Argument.MemRef c)) {
        continue;
      }
      Type elem = ((MemRefType) type.inputs().get(a)).elementType();
      long n = 1;
      for (long d : r.shape()) {
        n *= d;
      }
      double scale = 0;
      for (long f = 0; f < n; f++) {
        scale += Math.abs(PatternArguments.element(r, elem, f));
      }
      scale = n == 0 ? 0 : scale / n;
      for (long f = 0; f < n; f++) {
        double x = PatternArguments.element(r, elem, f);
        double y = PatternArguments.element(c, elem, f);
        boolean ok;
        if (elem.isFloat()) {
          ok = Double.isNaN(x) ? Double.isNaN(y)
              : x == y || Math.abs(x - y) <= relTol * (Math.abs(x) + scale);
        } else {
          ok = x == y;
        }
        if (!ok) {
          return Optional.of(String.format(Locale.ROOT,
              "argument %d element %d: reference %s, candidate %s", a, f, x, y));
        }
      }
    }
    return Optional.empty();
  }
}
