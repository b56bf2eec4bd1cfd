// graph.batch_matmul: numpy-style matmul with broadcast batch dimensions [...,M,K] x [...,K,N].
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %c = graph.batch_matmul %a, %b : (tensor<BxMxKxf32>, tensor<BxKxNxf32>) ->
 * tensor<BxMxNxf32>}: both operands have rank at least 2; the leading (batch) dimensions broadcast
 * like numpy's.
 */
public final class BatchMatMulOp implements GraphOp {
  public static final String NAME = "graph.batch_matmul";

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

  /** Broadcast batch dims ++ [M, N]; fails on rank below 2, mismatched K or batch dims. */
  public static TensorType inferShape(TensorType a, TensorType b) {
    if (a.rank() < 2 || b.rank() < 2) {
      throw new ShapeException("operands must have rank at least 2, got " + a + " and " + b);
    }
    Shapes.sameElementType(List.of(a, b));
    List<Long> as = a.shape();
    List<Long> bs = b.shape();
    long ka = as.get(as.size() - 1);
    long kb = bs.get(bs.size() - 2);
    if (ka != kb) {
      throw new ShapeException("contracting dimensions differ: lhs " + a + " has K = " + ka
          + ", rhs " + b + " has K = " + kb);
    }
    List<Long> out = new ArrayList<>(Shapes.broadcast(as.subList(0, as.size() - 2),
        bs.subList(0, bs.size() - 2)));
    out.add(as.get(as.size() - 2));
    out.add(bs.get(bs.size() - 1));
    return new TensorType(out, a.elementType());
  }
}
