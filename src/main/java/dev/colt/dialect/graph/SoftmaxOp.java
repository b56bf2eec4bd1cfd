// graph.softmax: exp(x - max) / sum(exp(x - max)) along one axis.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.softmax %x {axis = -1 : i64} : (tensor<...>) -> tensor<...>}: normalizes along
 * the single axis {@code axis} (default -1, the last), as ONNX Softmax from opset 13.
 */
public final class SoftmaxOp implements GraphOp {
  public static final String NAME = "graph.softmax";

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

  /** The normalized axis. */
  public static int axis(Map<String, Attribute> attrs, int rank) {
    return Shapes.normalizeAxis(GraphAttrs.getInt(attrs, "axis", -1), rank, "axis");
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    axis(attrs, in.get(0).rank());
    return Shapes.requireFloat(in.get(0));
  }
}
