// graph.add, graph.sub, graph.mul, graph.div: elementwise arithmetic with numpy broadcasting.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;

/**
 * {@code %z = graph.add %x, %y : (tensor<4x1xf32>, tensor<3xf32>) -> tensor<4x3xf32>}: one of
 * x + y, x - y, x * y, x / y elementwise, with both operands broadcast numpy-style. Shapes that do
 * not broadcast, or different element types, fail inference.
 */
public final class BroadcastBinaryOp implements GraphOp {
  public static final BroadcastBinaryOp ADD = new BroadcastBinaryOp("graph.add");
  public static final BroadcastBinaryOp SUB = new BroadcastBinaryOp("graph.sub");
  public static final BroadcastBinaryOp MUL = new BroadcastBinaryOp("graph.mul");
  public static final BroadcastBinaryOp DIV = new BroadcastBinaryOp("graph.div");

  private final String name;

  private BroadcastBinaryOp(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
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
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    Shapes.sameElementType(List.of(a, b));
    return new TensorType(Shapes.broadcast(a.shape(), b.shape()), a.elementType());
  }

  /** {@code x op y}; fails like {@link #inferResultType} on shapes that do not broadcast. */
  public Operation build(Value x, Value y) {
    return build(List.of(x, y), Map.of());
  }
}
