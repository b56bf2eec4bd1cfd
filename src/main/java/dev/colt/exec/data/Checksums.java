// Checksum lines of memref arguments after a run, and their tolerant comparison.
package dev.colt.exec.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DESIGN.md's checksum contract: after one call on fresh pattern inputs, one line per memref
 * argument, {@code arg<a> sum=<%.6e> abs=<%.6e>}, where sum and abs are the sum and the sum of
 * absolute values of the elements in row-major order, accumulated in double. Numbers are printed
 * as C's printf prints them (also {@code nan}, {@code inf}, {@code -inf}).
 */
public final class Checksums {
  private static final Pattern LINE = Pattern.compile(
      "arg(\\d+) sum=(\\S+) abs=(\\S+)");

  private Checksums() {}

  /** The checksum of one argument. */
  public record Checksum(int argument, double sum, double abs) {
    /** The contract's line for this checksum. */
    public String format() {
      return "arg" + argument + " sum=" + formatNumber(sum) + " abs=" + formatNumber(abs);
    }

    /**
     * True when both checksums are of the same argument and agree within {@code relTol}: sums
     * may differ by {@code relTol} times the larger abs (the scale of rounding differences even
     * when the sum cancels to near zero), and abs values by {@code relTol} times the larger abs.
     * NaN agrees only with NaN, an infinity only with itself.
     */
    public boolean agrees(Checksum other, double relTol) {
      if (argument != other.argument) {
        return false;
      }
      double scale = Math.max(Math.abs(abs), Math.abs(other.abs));
      return close(sum, other.sum, relTol * scale) && close(abs, other.abs, relTol * scale);
    }

    private static boolean close(double x, double y, double tol) {
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Double.isNaN(x) && Double.isNaN(y);
      }
      if (Double.isInfinite(x) || Double.isInfinite(y)) {
        return x == y;
      }
      return Math.abs(x - y) <= tol;
    }
  }

  /** The checksum of {@code buffer} as argument number {@code a}. */
  public static Checksum of(int a, Buffer buffer) {
    double sum = 0;
    double abs = 0;
    long n = buffer.size();
    for (long f = 0; f < n; f++) {
      double v = buffer.getDouble(f);
      sum += v;
      abs += Math.abs(v);
    }
    return new Checksum(a, sum, abs);
  }

  /** Checksums of every buffer in {@code arguments}, numbered by position. */
  public static List<Checksum> of(List<? extends RuntimeValue> arguments) {
    List<Checksum> out = new ArrayList<>();
    for (int a = 0; a < arguments.size(); a++) {
      if (arguments.get(a) instanceof Buffer b) {
        out.add(of(a, b));
      }
    }
    return out;
  }

  /** The contract's lines for every buffer in {@code arguments}. */
  public static List<String> lines(List<? extends RuntimeValue> arguments) {
    return of(arguments).stream().map(Checksum::format).toList();
  }

  /** {@code x} as C's {@code printf("%.6e")} prints it. */
  public static String formatNumber(double x) {
    if (Double.isNaN(x)) {
      return (Double.doubleToRawLongBits(x) < 0 ? "-" : "") + "nan";
    }
    if (Double.isInfinite(x)) {
      return x < 0 ? "-inf" : "inf";
    }
    return String.format(Locale.ROOT, "%.6e", x);
  }

  /**
   * Parses one checksum line. Fails with IllegalArgumentException when the line does not have the
   * contract's form.
   */
  public static Checksum parse(String line) {
    Matcher m = LINE.matcher(line.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a checksum line: " + line);
    }
    return new Checksum(Integer.parseInt(m.group(1)), parseNumber(m.group(2)),
        parseNumber(m.group(3)));
  }

  private static double parseNumber(String s) {
    return switch (s) {
      case "nan", "-nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /**
   * Compares two lists of checksum lines with {@link Checksum#agrees}; returns a description of
   * each difference (empty when they agree). Lines are matched by position.
   */
  public static List<String> differences(List<String> expected, List<String> actual,
      double relTol) {
    List<String> diffs = new ArrayList<>();
    if (expected.size() != actual.size()) {
      diffs.add("expected " + expected.size() + " checksum lines, got " + actual.size());
    }
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      Checksum e = parse(expected.get(i));
      Checksum a = parse(actual.get(i));
      if (!e.agrees(a, relTol)) {
        diffs.add("expected '" + expected.get(i) + "' but got '" + actual.get(i) + "'");
      }
    }
    return diffs;
  }
}
