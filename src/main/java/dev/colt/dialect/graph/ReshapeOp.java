// graph.reshape: reinterprets a tensor's row-major elements under a new static shape.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.reshape %x {shape = array<i64: 6>} : (tensor<2x3xf32>) -> tensor<6xf32>}: the
 * target shape is fully resolved (no -1 or 0 placeholders; the ONNX importer resolves those) and
 * must hold as many elements as the input.
 */
public final class ReshapeOp implements GraphOp {
  public static final String NAME = "graph.reshape";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int minOperands() {
    return 1;
  }

  @Override
  public int maxOperands() {
    return 1;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("shape", AttrKind.INTS);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType x = in.get(0);
    List<Long> shape = GraphAttrs.getInts(attrs, "shape", null);
    if (shape == null) {
      throw new ShapeException("attribute 'shape' is required");
    }
    for (long d : shape) {
      if (d < 0) {
        throw new ShapeException("shape " + shape + " has a negative dimension");
      }
    }
    TensorType out = new TensorType(shape, x.elementType());
    if (Shapes.numElements(out) != Shapes.numElements(x)) {
      throw new ShapeException("cannot reshape " + x + " (" + Shapes.numElements(x)
          + " elements) to " + shape + " (" + Shapes.numElements(out) + " elements)");
    }
    return out;
  }
}
