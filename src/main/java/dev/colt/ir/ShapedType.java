// Common view of types with a shape and an element type (memref, vector, tensor).
package dev.colt.ir;

import java.util.List;

/** A type with a static or dynamic shape and an element type. */
public interface ShapedType {
  /** Marker for a dynamic dimension ({@code ?} in text). */
  long DYNAMIC = Long.MIN_VALUE;

  List<Long> shape();

  Type elementType();

  default int rank() {
    return shape().size();
  }

  default boolean hasStaticShape() {
    return shape().stream().noneMatch(d -> d == DYNAMIC);
  }

  /** Number of elements; precondition: static shape. */
  default long numElements() {
    long n = 1;
    for (long d : shape()) {
      if (d == DYNAMIC) {
        throw new IllegalStateException("numElements of a dynamically shaped type");
      }
      n *= d;
    }
    return n;
  }
}
