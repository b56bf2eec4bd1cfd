// Tests of float rounding to f16/f32 and integer wrapping against independent definitions.
package dev.colt.exec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NumericsTest {
  /** Nearest f16 by exhaustive search over all finite half values (ties to even bits). */
  private static double nearestHalf(double x) {
    double best = Double.NaN;
    double bestDist = Double.POSITIVE_INFINITY;
    int bestBits = 0;
    for (int bits = 0; bits < 0x10000; bits++) {
      float h = Float.float16ToFloat((short) bits);
      if (Float.isNaN(h) || Float.isInfinite(h)) {
        continue;
      }
      double d = Math.abs(h - x);
      if (d < bestDist || d == bestDist && (bits & 1) == 0 && (bestBits & 1) == 1) {
        best = h;
        bestDist = d;
        bestBits = bits;
      }
    }
    return best;
  }

  @Property(tries = 40)
  void halfRoundingIsNearestEven(@ForAll @DoubleRange(min = -60000, max = 60000) double x) {
    assertEquals(nearestHalf(x), Numerics.toF16(x), "x = " + x);
  }

  @Test
  void halfRoundingOfDoublesJustAboveATie() {
    double tie = 1.0 + Math.scalb(1.0, -11);
    assertEquals(1.0, Numerics.toF16(tie), "exact tie rounds to even");
    double above = Math.nextUp(tie);
    assertEquals(1.0 + Math.scalb(1.0, -10), Numerics.toF16(above),
        "a double just above the tie rounds up although (float) rounds it to the tie");
  }

  @Property(tries = 200)
  void wrapKeepsTheLowBits(@ForAll long x, @ForAll @IntRange(min = 2, max = 63) int w) {
    long wrapped = Numerics.wrap(w, x);
    assertEquals(x & ((1L << w) - 1), wrapped & ((1L << w) - 1));
    long min = -(1L << (w - 1));
    long max = (1L << (w - 1)) - 1;
    assertEquals(true, wrapped >= min && wrapped <= max);
    assertEquals(Numerics.unsigned(w, wrapped), x & ((1L << w) - 1));
  }

  @Test
  void unsignedConversionRoundsCorrectly() {
    assertEquals(0x1p64, Numerics.unsignedToDouble(-1L));
    assertEquals(0x1p63, Numerics.unsignedToDouble(Long.MIN_VALUE));
    assertEquals(new java.math.BigDecimal(Long.toUnsignedString(-1025L)).doubleValue(),
        Numerics.unsignedToDouble(-1025L));
  }
}
