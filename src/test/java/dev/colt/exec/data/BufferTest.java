// Tests of Buffer: alignment, byte order, element conversions, shapes, strides and copies.
package dev.colt.exec.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class BufferTest {
  @Test
  void storageIsDirectAlignedLittleEndianAndShared() {
    for (int n : new int[] {1, 3, 17, 100}) {
      Buffer b = Buffer.allocate(FloatType.F32, n);
      ByteBuffer bytes = b.byteBuffer();
      assertTrue(bytes.isDirect());
      assertEquals(0, bytes.alignmentOffset(0, 64), "first element 64-byte aligned");
      assertEquals(ByteOrder.LITTLE_ENDIAN, bytes.order());
      assertTrue(bytes.capacity() >= n * 4);
    }
    Buffer b = Buffer.allocate(FloatType.F32, 4);
    b.setDouble(2, 1.5);
    assertEquals(0x3FC00000, b.byteBuffer().getInt(8), "f32 bits of 1.5 at byte offset 8");
    b.byteBuffer().putFloat(4, -2.25f);
    assertEquals(-2.25, b.getDouble(1), "writes through the view are visible");
  }

  @Test
  void floatElementsRoundToTheirType() {
    Buffer f32 = Buffer.allocate(FloatType.F32, 1);
    f32.setDouble(0, 0.1);
    assertEquals((double) 0.1f, f32.getDouble(0));
    Buffer f16 = Buffer.allocate(FloatType.F16, 3);
    f16.setDouble(0, 0.1);
    assertEquals(Float.float16ToFloat(Float.floatToFloat16(0.1f)), f16.getDouble(0));
    f16.setDouble(1, 70000.0);
    assertEquals(Double.POSITIVE_INFINITY, f16.getDouble(1), "f16 overflows to infinity");
    f16.setDouble(2, 2049.0);
    assertEquals(2048.0, f16.getDouble(2), "ties to even at the f16 precision limit");
    Buffer f64 = Buffer.allocate(FloatType.F64, 1);
    f64.setDouble(0, 0.1);
    assertEquals(0.1, f64.getDouble(0));
  }

  @Test
  void integerElementsWrapAndSignExtend() {
    Buffer i8 = Buffer.allocate(IntegerType.I8, 2);
    i8.setLong(0, 200);
    assertEquals(-56, i8.getLong(0));
    i8.setDouble(1, -3.9);
    assertEquals(-3, i8.getLong(1), "setDouble truncates toward zero");
    Buffer i1 = Buffer.allocate(IntegerType.I1, 2);
    i1.setLong(0, 3);
    i1.setLong(1, -8);
    assertEquals(1, i1.getLong(0));
    assertEquals(0, i1.getLong(1));
    Buffer i16 = Buffer.allocate(IntegerType.I16, 1);
    i16.setLong(0, 0x18000);
    assertEquals(-32768, i16.getLong(0));
    Buffer i32 = Buffer.allocate(IntegerType.I32, 1);
    i32.setLong(0, 1L << 32 | 7);
    assertEquals(7, i32.getLong(0));
    Buffer idx = Buffer.allocate(IndexType.INSTANCE, 1);
    idx.setLong(0, Long.MIN_VALUE);
    assertEquals(Long.MIN_VALUE, idx.getLong(0));
    assertEquals(8, idx.kind().byteSize);
  }

  @Test
  void shapesStridesAndIndices() {
    Buffer b = Buffer.allocate(FloatType.F64, 2, 3, 4);
    assertArrayEquals(new long[] {2, 3, 4}, b.shape());
    assertArrayEquals(new long[] {12, 4, 1}, b.strides());
    assertEquals(24, b.size());
    assertEquals(1 * 12 + 2 * 4 + 3, b.linearIndex(1, 2, 3));
    b.setDouble(new long[] {1, 2, 3}, 5.0);
    assertEquals(5.0, b.getDouble(23));
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> b.getDouble(new long[] {1, 3, 0}));
    assertTrue(e.getMessage().contains("[1, 3, 0]"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> b.getDouble(24));
    assertThrows(IndexOutOfBoundsException.class, () -> b.linearIndex(0, 0));
  }

  @Test
  void dynamicDimensionsAreResolvedAtAllocation() {
    MemRefType t = new MemRefType(java.util.List.of(ShapedType.DYNAMIC, 5L, ShapedType.DYNAMIC),
        FloatType.F32);
    Buffer b = Buffer.allocate(t, 2, 7);
    assertArrayEquals(new long[] {2, 5, 7}, b.shape());
    assertTrue(b.fits(t));
    assertTrue(!b.fits(MemRefType.of(FloatType.F32, 2, 5, 8)));
    assertThrows(IllegalArgumentException.class, () -> Buffer.allocate(t, 2));
  }

  @Test
  void copiesAreIndependent() {
    Buffer a = Buffer.allocate(IntegerType.I32, 3, 3);
    for (int i = 0; i < 9; i++) {
      a.setLong(i, i * 11);
    }
    Buffer c = a.copy();
    a.setLong(4, -1);
    assertEquals(44, c.getLong(4));
    assertEquals(88, c.getLong(8));
    Buffer d = Buffer.allocate(IntegerType.I32, 3, 3);
    d.copyFrom(c);
    assertEquals(33, d.getLong(3));
    assertThrows(IllegalArgumentException.class,
        () -> d.copyFrom(Buffer.allocate(IntegerType.I32, 9)));
  }
}
