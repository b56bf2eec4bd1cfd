// graph.leaky_relu: elementwise x if x >= 0 else alpha * x (alpha defaults to 0.01).
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/** {@code %y = graph.leaky_relu %x : (tensor<...xf32>) -> tensor<...xf32>}: x if x >= 0 else alpha * x (alpha defaults to 0.01). */
public final class LeakyReluOp implements GraphOp {
  public static final String NAME = "graph.leaky_relu";

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
    return Map.of("alpha", AttrKind.FLOAT);
  }

  /** The slope for negative inputs. */
  public static double alpha(Map<String, Attribute> attrs) {
    return GraphAttrs.getFloat(attrs, "alpha", 0.01);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    return Shapes.requireFloat(in.get(0));
  }
}
