// The types of COLT's IR: scalars, index, memref, vector, tensor and function types.
package dev.colt.ir;

import java.util.List;

/**
 * A type in the IR. Every implementation is an immutable record whose {@link #toString()} is the
 * type's MLIR spelling (for example {@code memref<4x?xf32>}).
 */
public sealed interface Type
    permits FloatType, IntegerType, IndexType, MemRefType, VectorType, TensorType, FunctionType,
        NoneType {

  /** True for f16/f32/f64. */
  default boolean isFloat() {
    return this instanceof FloatType;
  }

  /** True for signless integers iN. */
  default boolean isInteger() {
    return this instanceof IntegerType;
  }

  /** True for {@code index}. */
  default boolean isIndex() {
    return this instanceof IndexType;
  }

  /** True for iN or index: the types integer arithmetic accepts. */
  default boolean isIntOrIndex() {
    return isInteger() || isIndex();
  }

  /** The element type for shaped types (memref, vector, tensor); the type itself otherwise. */
  default Type elementTypeOrSelf() {
    return switch (this) {
      case MemRefType m -> m.elementType();
      case VectorType v -> v.elementType();
      case TensorType t -> t.elementType();
      default -> this;
    };
  }

  /** Formats a shape as MLIR does: {@code 4x?x8x} (with a trailing x when non-empty). */
  static String shapePrefix(List<Long> shape) {
    StringBuilder sb = new StringBuilder();
    for (long d : shape) {
      sb.append(d == ShapedType.DYNAMIC ? "?" : Long.toString(d)).append('x');
    }
    return sb.toString();
  }
}
