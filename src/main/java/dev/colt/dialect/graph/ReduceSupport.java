// Attributes and shape inference shared by the graph reductions.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reading {@code axes}/{@code keepdims} and inferring the reduced type. */
public final class ReduceSupport {
  static final Map<String, AttrKind> ATTRIBUTES =
      Map.of("axes", AttrKind.INTS, "keepdims", AttrKind.BOOL);

  private ReduceSupport() {}

  /** The reduced axes, normalized, sorted and distinct; all axes when absent or empty. */
  public static List<Integer> axes(Map<String, Attribute> attrs, int rank) {
    List<Long> raw = GraphAttrs.getInts(attrs, "axes", List.of());
    TreeSet<Integer> out = new TreeSet<>();
    if (raw.isEmpty()) {
      for (int i = 0; i < rank; i++) {
        out.add(i);
      }
    }
    for (long a : raw) {
      if (!out.add(Shapes.normalizeAxis(a, rank, "axis"))) {
        throw new ShapeException("axis " + a + " is listed twice");
      }
    }
    return List.copyOf(out);
  }

  public static boolean keepDims(Map<String, Attribute> attrs) {
    return GraphAttrs.getBool(attrs, "keepdims", true);
  }

  static TensorType infer(TensorType x, Map<String, Attribute> attrs) {
    List<Integer> axes = axes(attrs, x.rank());
    boolean keep = keepDims(attrs);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      if (!axes.contains(i)) {
        out.add(x.shape().get(i));
      } else if (keep) {
        out.add(1L);
      }
    }
    return new TensorType(out, Shapes.requireFloat(x).elementType());
  }
}
