// A typed, shaped, row-major memory buffer on 64-byte aligned little-endian direct memory.
package dev.colt.exec.data;

import dev.colt.ir.MemRefType;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The storage of one memref: elements of one {@link ElementKind} in row-major order with identity
 * strides, in a direct ByteBuffer whose first byte is 64-byte aligned, so native code (the JIT) can
 * use the same memory without copying ({@link #byteBuffer()}). Fresh buffers are zero-filled.
 *
 * <p>Values cross the API as doubles or longs: {@code setDouble} on an f32 buffer rounds to float,
 * on an f16 buffer to half, on an integer buffer truncates toward zero and wraps; {@code setLong}
 * on an integer buffer keeps the low bits, on a float buffer converts and rounds. {@code getLong}
 * returns i1 as 0 or 1 and narrower integers sign-extended. Index arguments out of range fail
 * with IndexOutOfBoundsException naming the index and the shape.
 */
public final class Buffer implements RuntimeValue {
  /** Alignment in bytes of the first element. */
  public static final int ALIGNMENT = 64;

  private final ElementKind kind;
  private final long[] shape;
  private final long[] strides;
  private final long size;
  private final ByteBuffer data;

  private Buffer(ElementKind kind, long[] shape) {
    this.kind = kind;
    this.shape = shape.clone();
    this.strides = new long[shape.length];
    long n = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] < 0) {
        throw new IllegalArgumentException("negative dimension " + shape[i] + " in shape "
            + Arrays.toString(shape));
      }
      strides[i] = n;
      n = Math.multiplyExact(n, shape[i]);
    }
    this.size = n;
    long bytes = Math.multiplyExact(n, (long) kind.byteSize);
    if (bytes > Integer.MAX_VALUE - 2L * ALIGNMENT) {
      throw new IllegalArgumentException("buffer of " + bytes + " bytes is too large");
    }
    // alignedSlice also rounds the end down to the alignment: allocate whole 64-byte lines.
    int padded = (int) ((bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT);
    this.data = ByteBuffer.allocateDirect(padded + ALIGNMENT).alignedSlice(ALIGNMENT)
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A zero-filled buffer of the given scalar element type and static shape. */
  public static Buffer allocate(Type elementType, long... shape) {
    return new Buffer(ElementKind.of(elementType), shape);
  }

  /**
   * A zero-filled buffer for {@code type}, whose dynamic dimensions take the values of
   * {@code dynamicSizes} in order. Fails with IllegalArgumentException when the count of dynamic
   * sizes does not match or the element type is not a scalar.
   */
  public static Buffer allocate(MemRefType type, long... dynamicSizes) {
    long[] dims = new long[type.rank()];
    int next = 0;
    for (int i = 0; i < dims.length; i++) {
      long d = type.shape().get(i);
      if (d == ShapedType.DYNAMIC) {
        if (next >= dynamicSizes.length) {
          throw new IllegalArgumentException("too few dynamic sizes for " + type);
        }
        d = dynamicSizes[next++];
      }
      dims[i] = d;
    }
    if (next != dynamicSizes.length) {
      throw new IllegalArgumentException(dynamicSizes.length + " dynamic sizes for " + type);
    }
    return new Buffer(ElementKind.of(type.elementType()), dims);
  }

  public ElementKind kind() {
    return kind;
  }

  public Type elementType() {
    return kind.type();
  }

  public int rank() {
    return shape.length;
  }

  /** A copy of the shape. */
  public long[] shape() {
    return shape.clone();
  }

  /** Size of dimension {@code i}. */
  public long dim(int i) {
    return shape[i];
  }

  /** A copy of the row-major strides, in elements. */
  public long[] strides() {
    return strides.clone();
  }

  /** Number of elements. */
  public long size() {
    return size;
  }

  /** The static memref type of this buffer. */
  public MemRefType type() {
    return new MemRefType(Arrays.stream(shape).boxed().toList(), kind.type());
  }

  /** True when this buffer's shape fits {@code type} (dynamic dims match anything). */
  public boolean fits(MemRefType type) {
    List<Long> s = type.shape();
    if (s.size() != shape.length || !type.elementType().equals(kind.type())) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (s.get(i) != ShapedType.DYNAMIC && s.get(i) != shape[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The storage: a little-endian view of the same 64-byte aligned direct memory, position 0,
   * capacity {@code size() * kind().byteSize} rounded up to a multiple of 64. Writes through it are seen
   * by this buffer.
   */
  public ByteBuffer byteBuffer() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Row-major linear index of {@code indices}; fails when rank or any index is out of range. */
  public long linearIndex(long... indices) {
    if (indices.length != shape.length) {
      throw new IndexOutOfBoundsException(indices.length + " indices for a rank-" + shape.length
          + " buffer");
    }
    long lin = 0;
    for (int i = 0; i < shape.length; i++) {
      if (indices[i] < 0 || indices[i] >= shape[i]) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(indices)
            + " out of bounds for shape " + Arrays.toString(shape));
      }
      lin += indices[i] * strides[i];
    }
    return lin;
  }

  private int offset(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("linear index " + i + " out of bounds for " + size
          + " elements");
    }
    return (int) (i * kind.byteSize);
  }

  /** Element {@code i} (row-major) as a double. */
  public double getDouble(long i) {
    int o = offset(i);
    return switch (kind) {
      case F16 -> Float.float16ToFloat(data.getShort(o));
      case F32 -> data.getFloat(o);
      case F64 -> data.getDouble(o);
      default -> (double) getLong(i);
    };
  }

  /** Element {@code i} (row-major) as a long: integers canonical, floats truncated toward zero. */
  public long getLong(long i) {
    int o = offset(i);
    return switch (kind) {
      case I1 -> data.get(o) & 1;
      case I8 -> data.get(o);
      case I16 -> data.getShort(o);
      case I32 -> data.getInt(o);
      case I64, INDEX -> data.getLong(o);
      default -> (long) getDouble(i);
    };
  }

  /** Sets element {@code i}; see the class comment for conversions. */
  public void setDouble(long i, double v) {
    int o = offset(i);
    switch (kind) {
      case F16 -> data.putShort(o, Numerics.halfBits(v));
      case F32 -> data.putFloat(o, (float) v);
      case F64 -> data.putDouble(o, v);
      default -> setLong(i, (long) v);
    }
  }

  /** Sets element {@code i}; see the class comment for conversions. */
  public void setLong(long i, long v) {
    int o = offset(i);
    switch (kind) {
      case I1 -> data.put(o, (byte) (v & 1));
      case I8 -> data.put(o, (byte) v);
      case I16 -> data.putShort(o, (short) v);
      case I32 -> data.putInt(o, (int) v);
      case I64, INDEX -> data.putLong(o, v);
      default -> setDouble(i, (double) v);
    }
  }

  public double getDouble(long[] indices) {
    return getDouble(linearIndex(indices));
  }

  public long getLong(long[] indices) {
    return getLong(linearIndex(indices));
  }

  public void setDouble(long[] indices, double v) {
    setDouble(linearIndex(indices), v);
  }

  public void setLong(long[] indices, long v) {
    setLong(linearIndex(indices), v);
  }

  /** A new buffer with the same kind, shape and contents. */
  public Buffer copy() {
    Buffer b = new Buffer(kind, shape);
    b.copyFrom(this);
    return b;
  }

  /**
   * Copies every element of {@code src} into this buffer. Fails with IllegalArgumentException
   * unless both have the same element kind and shape.
   */
  public void copyFrom(Buffer src) {
    if (src.kind != kind || !Arrays.equals(src.shape, shape)) {
      throw new IllegalArgumentException("copy from " + src + " to " + this);
    }
    ByteBuffer from = src.data.duplicate();
    from.limit((int) (size * kind.byteSize));
    ByteBuffer to = data.duplicate();
    to.put(from);
  }

  @Override
  public String toString() {
    return "Buffer[" + type() + "]";
  }
}
