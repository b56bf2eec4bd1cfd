// graph.max_pool: 2-D maximum pooling over NCHW input.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.max_pool %x {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} :
 * (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>}: the maximum of each window; see
 * {@link PoolSupport} for the window attributes.
 */
public final class MaxPoolOp implements GraphOp {
  public static final String NAME = "graph.max_pool";

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
    return Map.of("kernel_shape", AttrKind.INTS, "strides", AttrKind.INTS, "pads", AttrKind.INTS,
        "dilations", AttrKind.INTS, "ceil_mode", AttrKind.BOOL);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    return PoolSupport.infer(in.get(0), attrs);
  }
}
