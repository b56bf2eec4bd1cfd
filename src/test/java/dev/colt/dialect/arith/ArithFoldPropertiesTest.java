// Property: folding arith ops on constants gives the same bits as Java evaluating the type's semantics.
package dev.colt.dialect.arith;

import static dev.colt.dialect.arith.FoldSupport.asF32;
import static dev.colt.dialect.arith.FoldSupport.asLong;
import static dev.colt.dialect.arith.FoldSupport.f32;
import static dev.colt.dialect.arith.FoldSupport.f64;
import static dev.colt.dialect.arith.FoldSupport.fold;
import static dev.colt.dialect.arith.FoldSupport.intAttr;
import static dev.colt.dialect.arith.FoldSupport.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ArithFoldPropertiesTest {
  private static final Type F32 = FloatType.F32;
  private static final Type I32 = IntegerType.I32;
  private static final Type I8 = IntegerType.I8;
  private static final Type I64 = IntegerType.I64;
  private static final Type INDEX = IndexType.INSTANCE;

  /** Floats with the special values (NaN, infinities, signed zeros, extremes) mixed in often. */
  @Provide
  Arbitrary<Float> floats() {
    return Arbitraries.oneOf(
        Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.0f, -0.0f,
            1.0f, -1.0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL,
            16777217.0f, 0.1f, 65504.0f, 65520.0f, 3.0e9f, -3.0e9f),
        Arbitraries.integers().map(Float::intBitsToFloat),
        Arbitraries.floats().between(-1000f, 1000f));
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0, Double.MAX_VALUE,
            Double.MIN_VALUE, 1e300, 3.4028235677973366e38, 1.0000000596046448),
        Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.doubles().between(-1e6, 1e6));
  }

  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(
        Arbitraries.of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2, -2, 7),
        Arbitraries.integers());
  }

  @Provide
  Arbitrary<Long> longs() {
    return Arbitraries.oneOf(
        Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 3L, -3L),
        Arbitraries.longs());
  }

  private static void assertSameBits(float expected, Attribute folded) {
    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(asF32(folded)),
        () -> "expected " + expected + " got " + folded);
  }

  private static void checkF32(String name, float a, float b, BinaryOperator<Float> java) {
    Value x = v(F32);
    Value y = v(F32);
    Operation op = ElementwiseOp.build(name, x, y);
    assertSameBits(java.apply(a, b), fold(op, f32(a), f32(b)));
  }

  @Property(tries = 300)
  void floatBinaryOpsMatchJavaFloat(@ForAll("floats") float a, @ForAll("floats") float b) {
    checkF32(AddFOp.NAME, a, b, (p, q) -> p + q);
    checkF32(SubFOp.NAME, a, b, (p, q) -> p - q);
    checkF32(MulFOp.NAME, a, b, (p, q) -> p * q);
    checkF32(DivFOp.NAME, a, b, (p, q) -> p / q);
    checkF32(RemFOp.NAME, a, b, (p, q) -> p % q);
    checkF32(MaximumFOp.NAME, a, b, Math::max);
    checkF32(MinimumFOp.NAME, a, b, Math::min);
    float negated = asF32(fold(NegFOp.create(v(F32)), f32(a)));
    if (Float.isNaN(a)) {
      assertEquals(true, Float.isNaN(negated), "negf of NaN is NaN");
    } else {
      assertEquals(Float.floatToRawIntBits(a) ^ 0x80000000, Float.floatToRawIntBits(negated),
          "negf flips the sign bit of " + a);
    }
  }

  @Property(tries = 200)
  void f64BinaryOpsMatchJavaDouble(@ForAll("doubles") double a, @ForAll("doubles") double b) {
    Value x = v(FloatType.F64);
    Value y = v(FloatType.F64);
    assertEquals(Double.doubleToLongBits(a * b), Double.doubleToLongBits(
        ((FloatAttr) fold(MulFOp.create(x, y), f64(a), f64(b))).value()));
    assertEquals(Double.doubleToLongBits(a - b), Double.doubleToLongBits(
        ((FloatAttr) fold(SubFOp.create(x, y), f64(a), f64(b))).value()));
  }

  @Property(tries = 300)
  void cmpfMatchesJavaComparisons(@ForAll("floats") float a, @ForAll("floats") float b) {
    boolean unordered = Float.isNaN(a) || Float.isNaN(b);
    for (CmpFOp.Predicate p : CmpFOp.Predicate.values()) {
      boolean expected = switch (p) {
        case FALSE -> false;
        case TRUE -> true;
        case OEQ -> a == b;
        case OGT -> a > b;
        case OGE -> a >= b;
        case OLT -> a < b;
        case OLE -> a <= b;
        case ONE -> !unordered && a != b;
        case ORD -> !unordered;
        case UEQ -> !(a != b) || unordered;
        case UGT -> !(a <= b);
        case UGE -> !(a < b);
        case ULT -> !(a >= b);
        case ULE -> !(a > b);
        case UNE -> a != b;
        case UNO -> unordered;
      };
      Attribute r = fold(CmpFOp.create(p, v(F32), v(F32)), f32(a), f32(b));
      assertEquals(expected ? 1L : 0L, asLong(r), p + " " + a + " " + b);
    }
  }

  @Property(tries = 300)
  void i32OpsWrapLikeJavaInt(@ForAll("ints") int a, @ForAll("ints") int b) {
    Attribute ca = intAttr(a, I32);
    Attribute cb = intAttr(b, I32);
    Value x = v(I32);
    Value y = v(I32);
    assertEquals((long) (a + b), asLong(fold(AddIOp.create(x, y), ca, cb)));
    assertEquals((long) (a - b), asLong(fold(SubIOp.create(x, y), ca, cb)));
    assertEquals((long) (a * b), asLong(fold(MulIOp.create(x, y), ca, cb)));
    assertEquals((long) (a & b), asLong(fold(AndIOp.create(x, y), ca, cb)));
    assertEquals((long) (a | b), asLong(fold(OrIOp.create(x, y), ca, cb)));
    assertEquals((long) (a ^ b), asLong(fold(XOrIOp.create(x, y), ca, cb)));
    assertEquals((long) Math.min(a, b), asLong(fold(MinSIOp.create(x, y), ca, cb)));
    assertEquals((long) Math.max(a, b), asLong(fold(MaxSIOp.create(x, y), ca, cb)));
    boolean undefined = b == 0 || (a == Integer.MIN_VALUE && b == -1);
    if (undefined) {
      assertNull(fold(DivSIOp.create(x, y), ca, cb));
      assertNull(fold(FloorDivSIOp.create(x, y), ca, cb));
    } else {
      assertEquals((long) (a / b), asLong(fold(DivSIOp.create(x, y), ca, cb)));
      assertEquals((long) Math.floorDiv(a, b), asLong(fold(FloorDivSIOp.create(x, y), ca, cb)));
    }
    boolean ceilDeclines = b == 0
        || (a != 0 && (a == Integer.MIN_VALUE || b == Integer.MIN_VALUE));
    if (ceilDeclines) {
      assertNull(fold(CeilDivSIOp.create(x, y), ca, cb));
    } else {
      assertEquals((long) Math.ceilDiv(a, b), asLong(fold(CeilDivSIOp.create(x, y), ca, cb)));
    }
    if (b == 0) {
      assertNull(fold(RemSIOp.create(x, y), ca, cb));
    } else {
      assertEquals((long) (a % b), asLong(fold(RemSIOp.create(x, y), ca, cb)));
    }
  }

  @Property(tries = 300)
  void i8OpsWrapLikeJavaByte(@ForAll byte a, @ForAll byte b) {
    Attribute ca = intAttr(a, I8);
    Attribute cb = intAttr(b, I8);
    Value x = v(I8);
    Value y = v(I8);
    assertEquals((long) (byte) (a + b), asLong(fold(AddIOp.create(x, y), ca, cb)));
    assertEquals((long) (byte) (a * b), asLong(fold(MulIOp.create(x, y), ca, cb)));
    assertEquals((long) (byte) (a - b), asLong(fold(SubIOp.create(x, y), ca, cb)));
    for (CmpIOp.Predicate p : CmpIOp.Predicate.values()) {
      int ua = Byte.toUnsignedInt(a);
      int ub = Byte.toUnsignedInt(b);
      boolean expected = switch (p) {
        case EQ -> a == b;
        case NE -> a != b;
        case SLT -> a < b;
        case SLE -> a <= b;
        case SGT -> a > b;
        case SGE -> a >= b;
        case ULT -> ua < ub;
        case ULE -> ua <= ub;
        case UGT -> ua > ub;
        case UGE -> ua >= ub;
      };
      assertEquals(expected ? 1L : 0L, asLong(fold(CmpIOp.create(p, x, y), ca, cb)), p.name());
    }
  }

  @Property(tries = 200)
  void indexAndI64OpsWrapLikeJavaLong(@ForAll("longs") long a, @ForAll("longs") long b) {
    for (Type t : new Type[] {I64, INDEX}) {
      Value x = v(t);
      Value y = v(t);
      Attribute ca = intAttr(a, t);
      Attribute cb = intAttr(b, t);
      assertEquals(a + b, asLong(fold(AddIOp.create(x, y), ca, cb)));
      assertEquals(a * b, asLong(fold(MulIOp.create(x, y), ca, cb)));
      boolean ult = Long.compareUnsigned(a, b) < 0;
      assertEquals(ult ? 1L : 0L,
          asLong(fold(CmpIOp.create(CmpIOp.Predicate.ULT, x, y), ca, cb)));
      if (b != 0 && !(a == Long.MIN_VALUE && b == -1)) {
        assertEquals(Math.floorDiv(a, b), asLong(fold(FloorDivSIOp.create(x, y), ca, cb)));
        if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
          assertEquals(Math.ceilDiv(a, b), asLong(fold(CeilDivSIOp.create(x, y), ca, cb)));
        }
      }
    }
  }

  @Property(tries = 300)
  void castsMatchJavaConversions(@ForAll("ints") int n, @ForAll("floats") float f,
      @ForAll("longs") long l) {
    assertSameBits((float) n, fold(SIToFPOp.create(v(I32), F32), intAttr(n, I32)));
    assertSameBits((float) Integer.toUnsignedLong(n),
        fold(UIToFPOp.create(v(I32), F32), intAttr(n, I32)));
    float unsignedLong = l >= 0 ? (float) l
        : new java.math.BigDecimal(Long.toUnsignedString(l)).floatValue();
    assertSameBits(unsignedLong, fold(UIToFPOp.create(v(I64), F32), intAttr(l, I64)));
    assertSameBits((float) l, fold(SIToFPOp.create(v(I64), F32), intAttr(l, I64)));
    Attribute toInt = fold(FPToSIOp.create(v(F32), I32), f32(f));
    boolean inRange = !Float.isNaN(f) && f > -2147483649.0 && f < 2147483648.0;
    if (inRange) {
      assertEquals((long) (int) f, asLong(toInt));
    } else {
      assertNull(toInt, "fptosi of " + f + " must not fold");
    }
    assertEquals((long) (int) l, asLong(fold(IndexCastOp.create(v(INDEX), I32), intAttr(l, INDEX))));
    assertEquals((long) n, asLong(fold(IndexCastOp.create(v(I32), INDEX), intAttr(n, I32))));
    assertEquals((long) (byte) n, asLong(fold(TruncIOp.create(v(I32), I8), intAttr(n, I32))));
    assertEquals((long) (byte) n,
        asLong(fold(ExtSIOp.create(v(I8), I32), intAttr((byte) n, I8))));
    double wide = ((FloatAttr) fold(ExtFOp.create(v(F32), FloatType.F64), f32(f))).value();
    assertEquals(Double.doubleToLongBits(f), Double.doubleToLongBits(wide));
  }

  @Property(tries = 300)
  void truncfRoundsOnceToNearestEven(@ForAll("doubles") double d, @ForAll("floats") float f) {
    assertSameBits((float) d, fold(TruncFOp.create(v(FloatType.F64), F32), f64(d)));
    float half = Float.float16ToFloat(Float.floatToFloat16(f));
    Attribute folded = fold(TruncFOp.create(v(F32), FloatType.F16), f32(f));
    assertEquals(Float.floatToIntBits(half),
        Float.floatToIntBits((float) ((FloatAttr) folded).value()), "f32 " + f + " to f16");
    // From f64 the rounding must be direct: compare against exact decimal rounding of the double.
    if (!Double.isNaN(d) && !Double.isInfinite(d) && Math.abs(d) < 1e5) {
      double h = ((FloatAttr) fold(TruncFOp.create(v(FloatType.F64), FloatType.F16), f64(d)))
          .value();
      assertEquals(Double.doubleToLongBits(referenceHalf(d)), Double.doubleToLongBits(h),
          "f64 " + d + " to f16");
    }
  }

  /** Half-precision rounding of {@code d} computed with BigDecimal, ties to even. */
  private static double referenceHalf(double d) {
    java.math.BigDecimal x = new java.math.BigDecimal(d);
    double best = Double.NaN;
    java.math.BigDecimal bestErr = null;
    for (float c : halfNeighbours(d)) {
      if (Float.isNaN(c)) {
        continue;
      }
      // Infinity sits where 2^16 would be in the rounding sequence (its bits are even).
      double value = Float.isInfinite(c) ? Math.copySign(65536.0, c) : c;
      java.math.BigDecimal err = new java.math.BigDecimal(value).subtract(x).abs();
      int cmp = bestErr == null ? -1 : err.compareTo(bestErr);
      boolean evenWins = cmp == 0 && (Float.floatToFloat16(c) & 1) == 0;
      if (cmp < 0 || evenWins) {
        best = value;
        bestErr = err;
      }
    }
    if (Math.abs(best) > 65504.0) {
      return Math.copySign(Double.POSITIVE_INFINITY, d);
    }
    return best == 0 ? Math.copySign(0.0, d) : best;
  }

  /** The half values just below and above {@code d} (finite inputs below 1e5 in magnitude). */
  private static float[] halfNeighbours(double d) {
    short near = Float.floatToFloat16((float) d);
    float a = Float.float16ToFloat(near);
    float below = Float.float16ToFloat((short) (near - 1));
    float above = Float.float16ToFloat((short) (near + 1));
    return new float[] {a, below, above};
  }
}
