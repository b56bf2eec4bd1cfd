// Memory reference type: a buffer with a shape and an element type, identity (row-major) layout.
package dev.colt.ir;

import java.util.List;

/**
 * A memref with identity row-major layout. Dimensions may be {@link ShapedType#DYNAMIC}.
 * Precondition: the element type is a scalar (float, integer, index) or a vector.
 */
public record MemRefType(List<Long> shape, Type elementType) implements Type, ShapedType {
  public MemRefType {
    shape = List.copyOf(shape);
    for (long d : shape) {
      if (d < 0 && d != DYNAMIC) {
        throw new IllegalArgumentException("negative memref dimension " + d);
      }
    }
    if (elementType instanceof MemRefType || elementType instanceof TensorType
        || elementType instanceof FunctionType) {
      throw new IllegalArgumentException("invalid memref element type " + elementType);
    }
  }

  public static MemRefType of(Type elementType, long... dims) {
    return new MemRefType(java.util.Arrays.stream(dims).boxed().toList(), elementType);
  }

  @Override
  public String toString() {
    return "memref<" + Type.shapePrefix(shape) + elementType + ">";
  }
}
