// graph.sub: elementwise difference of two tensors with numpy broadcasting.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;

/** {@code %z = graph.sub %x, %y : (tensor<4x1xf32>, tensor<3xf32>) -> tensor<4x3xf32>}: x - y. */
public final class SubOp implements GraphOp {
  public static final String NAME = "graph.sub";

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
    return 2;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of();
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    return inferBroadcast(in.get(0), in.get(1));
  }

  /** The numpy broadcast of both shapes; fails on incompatible shapes or element types. */
  static TensorType inferBroadcast(TensorType a, TensorType b) {
    Shapes.sameElementType(List.of(a, b));
    return new TensorType(Shapes.broadcast(a.shape(), b.shape()), a.elementType());
  }

  public static Operation build(Value x, Value y) {
    return new SubOp().build(List.of(x, y), Map.of());
  }
}
