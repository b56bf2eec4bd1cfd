// graph.layer_norm: normalizes over the trailing dimensions from an axis, then scales and shifts.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.layer_norm %x, %scale, %bias {axis = -1 : i64, epsilon = 1.0e-05 : f32} :
 * (...) -> tensor<...>}: over the dimensions {@code axis..rank-1}, y = (x - mean) /
 * sqrt(var + epsilon) * scale + bias with the population variance, as ONNX LayerNormalization.
 * Scale and the optional bias broadcast to {@code x.shape[axis:]}.
 */
public final class LayerNormOp implements GraphOp {
  public static final String NAME = "graph.layer_norm";

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
    return 3;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("axis", AttrKind.INT, "epsilon", AttrKind.FLOAT);
  }

  /** The first normalized dimension. */
  public static int axis(Map<String, Attribute> attrs, int rank) {
    return Shapes.normalizeAxis(GraphAttrs.getInt(attrs, "axis", -1), rank, "axis");
  }

  public static double epsilon(Map<String, Attribute> attrs) {
    return GraphAttrs.getFloat(attrs, "epsilon", 1e-5);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType x = Shapes.requireFloat(in.get(0));
    Shapes.sameElementType(in);
    int axis = axis(attrs, x.rank());
    List<Long> normalized = x.shape().subList(axis, x.rank());
    String[] names = {"input", "scale", "bias"};
    for (int i = 1; i < in.size(); i++) {
      if (!Shapes.broadcastsTo(in.get(i).shape(), normalized)) {
        throw new ShapeException(names[i] + " " + in.get(i) + " does not broadcast to the"
            + " normalized shape " + normalized);
      }
    }
    return x;
  }
}
