// Compares a candidate's memref outputs with the reference's, allowing float reassociation error.
package dev.colt.exec.measure;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.RuntimeValue;
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
  public static Optional<String> compare(List<? extends RuntimeValue> reference,
      List<? extends RuntimeValue> candidate, double relTol) {
    for (int a = 0; a < reference.size(); a++) {
      if (!(reference.get(a) instanceof Buffer r) || !(candidate.get(a) instanceof Buffer c)) {
        continue;
      }
      long n = r.size();
      if (c.size() != n) {
        return Optional.of("argument " + a + ": " + c.size() + " elements, reference has " + n);
      }
      boolean isFloat = r.kind().isFloat;
      double scale = 0;
      for (long f = 0; f < n; f++) {
        scale += Math.abs(r.getDouble(f));
      }
      scale = n == 0 ? 0 : scale / n;
      for (long f = 0; f < n; f++) {
        double x = isFloat ? r.getDouble(f) : r.getLong(f);
        double y = isFloat ? c.getDouble(f) : c.getLong(f);
        boolean ok;
        if (isFloat) {
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
