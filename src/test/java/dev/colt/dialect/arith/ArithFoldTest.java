// Folding examples: identities to existing values, signed zeros, vectors, undefined cases.
package dev.colt.dialect.arith;

import static dev.colt.dialect.arith.FoldSupport.asLong;
import static dev.colt.dialect.arith.FoldSupport.f32;
import static dev.colt.dialect.arith.FoldSupport.fold;
import static dev.colt.dialect.arith.FoldSupport.foldToValue;
import static dev.colt.dialect.arith.FoldSupport.intAttr;
import static dev.colt.dialect.arith.FoldSupport.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.FloatAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import org.junit.jupiter.api.Test;

class ArithFoldTest {
  final Value x = v(FloatType.F32);
  final Value y = v(FloatType.F32);
  final Value i = v(IndexType.INSTANCE);
  final Value j = v(IndexType.INSTANCE);
  final VectorType v4 = VectorType.of(FloatType.F32, 4);
  final VectorType v4i = VectorType.of(IntegerType.I32, 4);

  @Test
  void floatAdditionOfPositiveZeroIsNotAnIdentity() {
    assertNull(foldToValue(AddFOp.create(x, y), null, f32(0.0f)));
    assertSame(x, foldToValue(AddFOp.create(x, y), null, f32(-0.0f)));
    assertSame(y, foldToValue(AddFOp.create(x, y), f32(-0.0f), null));
    assertSame(x, foldToValue(SubFOp.create(x, y), null, f32(0.0f)));
    assertNull(foldToValue(SubFOp.create(x, y), null, f32(-0.0f)));
    assertSame(y, foldToValue(MulFOp.create(x, y), f32(1.0f), null));
    assertSame(x, foldToValue(DivFOp.create(x, y), null, f32(1.0f)));
    assertNull(foldToValue(DivFOp.create(x, y), f32(1.0f), null));
    assertSame(x, foldToValue(MaximumFOp.create(x, x), null, null));
  }

  @Test
  void integerIdentities() {
    Attribute zero = intAttr(0, IndexType.INSTANCE);
    Attribute one = intAttr(1, IndexType.INSTANCE);
    assertSame(i, foldToValue(AddIOp.create(i, j), null, zero));
    assertSame(j, foldToValue(AddIOp.create(i, j), zero, null));
    assertSame(i, foldToValue(SubIOp.create(i, j), null, zero));
    assertNull(foldToValue(SubIOp.create(i, j), zero, null));
    assertSame(j, foldToValue(MulIOp.create(i, j), one, null));
    assertSame(i, foldToValue(DivSIOp.create(i, j), null, one));
    assertSame(i, foldToValue(AndIOp.create(i, j), null, intAttr(-1, IndexType.INSTANCE)));
    assertSame(i, foldToValue(OrIOp.create(i, j), null, zero));
    assertEquals(0L, asLong(fold(MulIOp.create(i, j), null, zero)));
    assertEquals(0L, asLong(fold(SubIOp.create(i, i), null, null)));
    assertEquals(0L, asLong(fold(XOrIOp.create(i, i), null, null)));
    assertEquals(1L, asLong(fold(CmpIOp.create(CmpIOp.Predicate.SLE, i, i), null, null)));
    assertEquals(0L, asLong(fold(CmpIOp.create(CmpIOp.Predicate.NE, i, i), null, null)));
    assertNull(fold(AddIOp.create(i, j), null, one));
  }

  @Test
  void i1UsesZeroOrOneAndSignedViewMinusOne() {
    Value a = v(IntegerType.I1);
    Value b = v(IntegerType.I1);
    IntegerAttr t = new IntegerAttr(1, IntegerType.I1);
    IntegerAttr f = new IntegerAttr(0, IntegerType.I1);
    assertEquals(0L, asLong(fold(AddIOp.create(a, b), t, t)));
    assertEquals(1L, asLong(fold(XOrIOp.create(a, b), t, f)));
    assertEquals(1L, asLong(fold(CmpIOp.create(CmpIOp.Predicate.SLT, a, b), t, f)));
    assertEquals(0L, asLong(fold(CmpIOp.create(CmpIOp.Predicate.ULT, a, b), t, f)));
    assertSame(a, foldToValue(AndIOp.create(a, b), null, t));
    assertNull(foldToValue(MulIOp.create(a, b), null, t), "true is -1 in i1, not 1");
  }

  @Test
  void selectFoldsOnConstantConditionAndEqualArms() {
    Value c = v(IntegerType.I1);
    assertSame(x, foldToValue(SelectOp.create(c, x, y), new IntegerAttr(1, IntegerType.I1),
        null, null));
    assertSame(y, foldToValue(SelectOp.create(c, x, y), new IntegerAttr(0, IntegerType.I1),
        null, null));
    assertSame(x, foldToValue(SelectOp.create(c, x, x), null, null, null));
    assertNull(foldToValue(SelectOp.create(c, x, y), null, null, null));
    Value m = v(VectorType.of(IntegerType.I1, 4));
    Value a = v(v4);
    Value b = v(v4);
    DenseElementsAttr mask = new DenseElementsAttr(VectorType.of(IntegerType.I1, 4),
        new double[] {1, 0, 0, 1});
    DenseElementsAttr left = new DenseElementsAttr(v4, new double[] {1, 2, 3, 4});
    DenseElementsAttr right = new DenseElementsAttr(v4, new double[] {5});
    DenseElementsAttr r = (DenseElementsAttr) fold(SelectOp.create(m, a, b), mask, left, right);
    assertArrayEquals(new double[] {1, 5, 5, 4}, r.values());
  }

  @Test
  void vectorOpsFoldElementwiseAndKeepSplats() {
    Value a = v(v4);
    Value b = v(v4);
    DenseElementsAttr full = new DenseElementsAttr(v4, new double[] {1, 0.1f, -0.0, 1e30f});
    DenseElementsAttr two = new DenseElementsAttr(v4, new double[] {2});
    DenseElementsAttr sum = (DenseElementsAttr) fold(MulFOp.create(a, b), full, two);
    assertArrayEquals(new double[] {2, (double) (0.1f * 2f), -0.0, (double) (1e30f * 2f)},
        sum.values());
    DenseElementsAttr splat = (DenseElementsAttr) fold(AddFOp.create(a, b), two, two);
    assertEquals(1, splat.values().length);
    assertEquals(4.0, splat.get(0));
    Value p = v(v4i);
    DenseElementsAttr ints = new DenseElementsAttr(v4i, new double[] {Integer.MAX_VALUE, -1, 0, 7});
    DenseElementsAttr wrapped = (DenseElementsAttr) fold(AddIOp.create(p, p), ints, ints);
    assertArrayEquals(new double[] {-2, -2, 0, 14}, wrapped.values());
    DenseElementsAttr cmp = (DenseElementsAttr) fold(
        CmpFOp.create(CmpFOp.Predicate.OLT, a, b), full, two);
    assertEquals(VectorType.of(IntegerType.I1, 4), cmp.type());
    assertArrayEquals(new double[] {1, 1, 1, 0}, cmp.values());
    assertSame(a, foldToValue(MulFOp.create(a, b), null, new DenseElementsAttr(v4,
        new double[] {1})));
  }

  @Test
  void integerVectorsBeyondDoublePrecisionDoNotFold() {
    VectorType v2 = VectorType.of(IntegerType.I64, 2);
    Value p = v(v2);
    DenseElementsAttr big = new DenseElementsAttr(v2, new double[] {Math.scalb(1.0, 53), 1});
    assertNull(fold(AddIOp.create(p, p), big, big));
  }

  @Test
  void constantsFoldToTheirValue() {
    Operation c = ConstantOp.f32(0.5f);
    assertEquals(new FloatAttr(0.5, FloatType.F32), fold(c));
    assertEquals(new FloatAttr(16416.0, FloatType.F16),
        ConstantOp.value(ConstantOp.floating(16408.0, FloatType.F16)),
        "f16 spacing is 16 at 2^14; the tie 16408 rounds to the even 16416");
    assertEquals(new FloatAttr(16384.0, FloatType.F16),
        ConstantOp.value(ConstantOp.floating(16392.0, FloatType.F16)),
        "the tie 16392 rounds to the even 16384");
  }
}
