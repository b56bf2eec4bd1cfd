// graph.gemm: alpha * op(A) * op(B) + beta * C with optional transposes and a broadcast C.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.gemm %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, transA = false, transB =
 * true} : (...) -> tensor<MxNxf32>}. A and B are matrices; C (optional) broadcasts to [M, N].
 */
public final class GemmOp implements GraphOp {
  public static final String NAME = "graph.gemm";

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
    return 3;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("alpha", AttrKind.FLOAT, "beta", AttrKind.FLOAT, "transA", AttrKind.BOOL,
        "transB", AttrKind.BOOL);
  }

  public static double alpha(Map<String, Attribute> attrs) {
    return GraphAttrs.getFloat(attrs, "alpha", 1.0);
  }

  public static double beta(Map<String, Attribute> attrs) {
    return GraphAttrs.getFloat(attrs, "beta", 1.0);
  }

  public static boolean transA(Map<String, Attribute> attrs) {
    return GraphAttrs.getBool(attrs, "transA", false);
  }

  public static boolean transB(Map<String, Attribute> attrs) {
    return GraphAttrs.getBool(attrs, "transB", false);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType a = in.get(0);
    TensorType b = in.get(1);
    Shapes.requireRank(a, 2, "A");
    Shapes.requireRank(b, 2, "B");
    Shapes.sameElementType(in);
    long m = transA(attrs) ? a.shape().get(1) : a.shape().get(0);
    long ka = transA(attrs) ? a.shape().get(0) : a.shape().get(1);
    long kb = transB(attrs) ? b.shape().get(1) : b.shape().get(0);
    long n = transB(attrs) ? b.shape().get(0) : b.shape().get(1);
    if (ka != kb) {
      throw new ShapeException("contracting dimensions differ: op(A) has K = " + ka
          + ", op(B) has K = " + kb + " (transA = " + transA(attrs) + ", transB = "
          + transB(attrs) + ")");
    }
    List<Long> mn = List.of(m, n);
    if (in.size() == 3 && !Shapes.broadcastsTo(in.get(2).shape(), mn)) {
      throw new ShapeException("C " + in.get(2) + " does not broadcast to [" + m + ", " + n + "]");
    }
    return new TensorType(mn, a.elementType());
  }
}
