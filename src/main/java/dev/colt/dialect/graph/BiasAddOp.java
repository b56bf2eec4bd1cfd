// graph.bias_add: adds a vector along one axis (the channel or feature axis).
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.bias_add %x, %b {axis = 1 : i64} : (tensor<NxCxHxWxf32>, tensor<Cxf32>) ->
 * tensor<NxCxHxWxf32>}: y[..., c, ...] = x[..., c, ...] + b[c] where c indexes {@code axis}
 * (default 1: the channel axis of NCHW, the feature axis of [batch, features]).
 */
public final class BiasAddOp implements GraphOp {
  public static final String NAME = "graph.bias_add";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int minOperands() {
    return 2;
  }

  @Override
  public int maxOperands() {
    return 2;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("axis", AttrKind.INT);
  }

  /** The normalized axis of {@code x} the bias runs along. */
  public static int axis(Map<String, Attribute> attrs, int rank) {
    return Shapes.normalizeAxis(GraphAttrs.getInt(attrs, "axis", 1), rank, "axis");
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType x = in.get(0);
    TensorType b = in.get(1);
    Shapes.sameElementType(in);
    int axis = axis(attrs, x.rank());
    if (b.rank() != 1 || !b.shape().get(0).equals(x.shape().get(axis))) {
      throw new ShapeException("bias " + b + " must be a vector of " + x.shape().get(axis)
          + " elements (dimension " + axis + " of " + x + ")");
    }
    return x;
  }
}
