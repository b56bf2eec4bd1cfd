// graph.matmul: the product of two matrices [M,K] x [K,N] -> [M,N].
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.List;
import java.util.Map;

/** {@code %c = graph.matmul %a, %b : (tensor<MxKxf32>, tensor<KxNxf32>) -> tensor<MxNxf32>}. */
public final class MatMulOp implements GraphOp {
  public static final String NAME = "graph.matmul";

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
    return inferShape(in.get(0), in.get(1));
  }

  /** [M,K] x [K,N] -> [M,N]; fails on ranks other than 2 or mismatched K. */
  public static TensorType inferShape(TensorType a, TensorType b) {
    Shapes.requireRank(a, 2, "lhs");
    Shapes.requireRank(b, 2, "rhs");
    Shapes.sameElementType(List.of(a, b));
    if (!a.shape().get(1).equals(b.shape().get(0))) {
      throw new ShapeException("contracting dimensions differ: lhs " + a + " has K = "
          + a.shape().get(1) + ", rhs " + b + " has K = " + b.shape().get(0));
    }
    return TensorType.of(a.elementType(), a.shape().get(0), b.shape().get(1));
  }

  public static Operation build(Value a, Value b) {
    return new MatMulOp().build(List.of(a, b), Map.of());
  }
}
