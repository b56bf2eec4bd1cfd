// graph.gelu: elementwise x * Phi(x), exact with erf (approximate = "none") or the tanh form (approximate = "tanh"), as ONNX Gelu.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/** {@code %y = graph.gelu %x : (tensor<...xf32>) -> tensor<...xf32>}: x * Phi(x), exact with erf (approximate = "none") or the tanh form (approximate = "tanh"), as ONNX Gelu. */
public final class GeluOp implements GraphOp {
  public static final String NAME = "graph.gelu";

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
    return Map.of("approximate", AttrKind.STRING);
  }

  /** True for the tanh approximation; fails on values other than "none" and "tanh". */
  public static boolean tanhApproximation(Map<String, Attribute> attrs) {
    String a = GraphAttrs.getString(attrs, "approximate", "none");
    return switch (a) {
      case "none" -> false;
      case "tanh" -> true;
      default -> throw new ShapeException("approximate must be \"none\" or \"tanh\", got \"" + a
          + "\"");
    };
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    tanhApproximation(attrs);
    return Shapes.requireFloat(in.get(0));
  }
}
