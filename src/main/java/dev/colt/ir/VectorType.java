// Fixed-size vector type, the target of vectorization.
package dev.colt.ir;

import java.util.List;

/** A vector of static shape (all dimensions positive) over a scalar element type. */
public record VectorType(List<Long> shape, Type elementType) implements Type, ShapedType {
  public VectorType {
    shape = List.copyOf(shape);
    if (shape.isEmpty()) {
      throw new IllegalArgumentException("vector type needs at least one dimension");
    }
    for (long d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("vector dimensions must be positive, got " + d);
      }
    }
    if (!(elementType instanceof FloatType || elementType instanceof IntegerType
        || elementType instanceof IndexType)) {
      throw new IllegalArgumentException("invalid vector element type " + elementType);
    }
  }

  public static VectorType of(Type elementType, long... dims) {
    return new VectorType(java.util.Arrays.stream(dims).boxed().toList(), elementType);
  }

  @Override
  public String toString() {
    return "vector<" + Type.shapePrefix(shape) + elementType + ">";
  }
}
