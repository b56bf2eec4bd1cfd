// graph.sqrt: elementwise square root.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.sqrt %x : (tensor<...xf32>) -> tensor<...xf32>}: sqrt(x) (NaN for negative
 * x).
 */
public final class SqrtOp implements GraphOp {
  public static final String NAME = "graph.sqrt";

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
