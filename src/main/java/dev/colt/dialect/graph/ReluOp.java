// graph.relu: elementwise max(x, 0).
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/** {@code %y = graph.relu %x : (tensor<...xf32>) -> tensor<...xf32>}: max(x, 0). */
public final class ReluOp implements GraphOp {
  public static final String NAME = "graph.relu";

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
    return Map.of();
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    return Shapes.requireFloat(in.get(0));
  }
}
