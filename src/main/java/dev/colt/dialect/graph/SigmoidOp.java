// graph.sigmoid: elementwise 1 / (1 + exp(-x)).
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/** {@code %y = graph.sigmoid %x : (tensor<...xf32>) -> tensor<...xf32>}: 1 / (1 + exp(-x)). */
public final class SigmoidOp implements GraphOp {
  public static final String NAME = "graph.sigmoid";

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
