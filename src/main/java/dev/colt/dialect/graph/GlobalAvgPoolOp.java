// graph.global_avg_pool: the mean over all spatial dimensions of an NC... tensor.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.global_avg_pool %x : (tensor<NxCxHxWxf32>) -> tensor<NxCx1x1xf32>}: the mean
 * over every dimension after the first two (rank at least 3).
 */
public final class GlobalAvgPoolOp implements GraphOp {
  public static final String NAME = "graph.global_avg_pool";

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
    TensorType x = Shapes.requireFloat(in.get(0));
    if (x.rank() < 3) {
      throw new ShapeException("input must have rank at least 3 (N, C, spatial...), got " + x);
    }
    List<Long> out = new ArrayList<>(x.shape().subList(0, 2));
    out.addAll(Shapes.repeat(1, x.rank() - 2));
    return new TensorType(out, x.elementType());
  }
}
