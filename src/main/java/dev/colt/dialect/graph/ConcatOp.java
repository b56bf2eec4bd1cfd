// graph.concat: joins tensors along one axis.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<4x3xf32>) ->
 * tensor<6x3xf32>}: all operands share rank, element type and every dimension but {@code axis}.
 */
public final class ConcatOp implements GraphOp {
  public static final String NAME = "graph.concat";

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
    return Integer.MAX_VALUE;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("axis", AttrKind.INT);
  }

  /** The normalized concatenation axis (default 0). */
  public static int axis(Map<String, Attribute> attrs, int rank) {
    return Shapes.normalizeAxis(GraphAttrs.getInt(attrs, "axis", 0), rank, "axis");
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType first = in.get(0);
    Shapes.sameElementType(in);
    int axis = axis(attrs, first.rank());
    long total = 0;
    for (TensorType t : in) {
      if (t.rank() != first.rank()) {
        throw new ShapeException("operands must share rank: " + first + " vs " + t);
      }
      for (int d = 0; d < t.rank(); d++) {
        if (d != axis && !t.shape().get(d).equals(first.shape().get(d))) {
          throw new ShapeException("operands differ in dimension " + d + " (not the axis " + axis
              + "): " + first + " vs " + t);
        }
      }
      total += t.shape().get(axis);
    }
    List<Long> out = new ArrayList<>(first.shape());
    out.set(axis, total);
    return new TensorType(out, first.elementType());
  }
}
