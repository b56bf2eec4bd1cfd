// graph.flatten: collapses a tensor to a matrix split at an axis.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.flatten %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>}: the
 * result is [prod(shape[:axis]), prod(shape[axis:])]; axis ranges over [-rank, rank].
 */
public final class FlattenOp implements GraphOp {
  public static final String NAME = "graph.flatten";

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
    return Map.of("axis", AttrKind.INT);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType x = in.get(0);
    int axis = Shapes.normalizeAxisInclusive(GraphAttrs.getInt(attrs, "axis", 1), x.rank(),
        "axis");
    return TensorType.of(x.elementType(), Shapes.product(x.shape(), 0, axis),
        Shapes.product(x.shape(), axis, x.rank()));
  }
}
