// Ranked tensor type used by the graph dialect (value semantics, no storage).
package dev.colt.ir;

import java.util.List;

/** A ranked tensor with static or dynamic dimensions. */
public record TensorType(List<Long> shape, Type elementType) implements Type, ShapedType {
  public TensorType {
    shape = List.copyOf(shape);
  }

  public static TensorType of(Type elementType, long... dims) {
    return new TensorType(java.util.Arrays.stream(dims).boxed().toList(), elementType);
  }

  @Override
  public String toString() {
    return "tensor<" + Type.shapePrefix(shape) + elementType + ">";
  }
}
