// graph.reduce_mean: arithmetic mean over a set of axes, keeping them as size 1 or dropping them.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.reduce_mean %x {axes = array<i64: 1>, keepdims = true} : (tensor<4x5xf32>) ->
 * tensor<4x1xf32>}: the arithmetic mean over {@code axes} (absent or empty: every axis).
 */
public final class ReduceMeanOp implements GraphOp {
  public static final String NAME = "graph.reduce_mean";

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
    return ReduceSupport.ATTRIBUTES;
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    return ReduceSupport.infer(in.get(0), attrs);
  }
}
