// Attributes and shape inference shared by the 2-D pooling ops.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * Window attributes of max_pool/avg_pool on NCHW input: {@code kernel_shape} (required, 2),
 * {@code strides} (2, default 1), {@code pads} ([top, left, bottom, right], default 0),
 * {@code dilations} (2, default 1), {@code ceil_mode} (default false).
 */
public final class PoolSupport {
  private PoolSupport() {}

  public static List<Long> kernel(Map<String, Attribute> attrs) {
    List<Long> k = GraphAttrs.getInts(attrs, "kernel_shape", null);
    if (k == null) {
      throw new ShapeException("attribute 'kernel_shape' is required");
    }
    Shapes.requireLength(k, 2, "kernel_shape");
    return k;
  }

  public static List<Long> strides(Map<String, Attribute> attrs) {
    return GraphAttrs.getInts(attrs, "strides", List.of(1L, 1L));
  }

  public static List<Long> pads(Map<String, Attribute> attrs) {
    return GraphAttrs.getInts(attrs, "pads", List.of(0L, 0L, 0L, 0L));
  }

  public static List<Long> dilations(Map<String, Attribute> attrs) {
    return GraphAttrs.getInts(attrs, "dilations", List.of(1L, 1L));
  }

  public static boolean ceilMode(Map<String, Attribute> attrs) {
    return GraphAttrs.getBool(attrs, "ceil_mode", false);
  }

  static TensorType infer(TensorType x, Map<String, Attribute> attrs) {
    Shapes.requireRank(x, 4, "input");
    Shapes.requireFloat(x);
    List<Long> k = kernel(attrs);
    List<Long> s = strides(attrs);
    List<Long> p = pads(attrs);
    List<Long> d = dilations(attrs);
    Shapes.requireLength(s, 2, "strides");
    Shapes.requireLength(p, 4, "pads");
    Shapes.requireLength(d, 2, "dilations");
    for (int i = 0; i < 2; i++) {
      if (p.get(i) >= k.get(i) || p.get(i + 2) >= k.get(i)) {
        throw new ShapeException("pads " + p + " must be smaller than kernel_shape " + k);
      }
    }
    boolean ceil = ceilMode(attrs);
    long oh = Shapes.windowOutput(x.shape().get(2), k.get(0), s.get(0), p.get(0), p.get(2),
        d.get(0), ceil, "height");
    long ow = Shapes.windowOutput(x.shape().get(3), k.get(1), s.get(1), p.get(1), p.get(3),
        d.get(1), ceil, "width");
    return TensorType.of(x.elementType(), x.shape().get(0), x.shape().get(1), oh, ow);
  }
}
