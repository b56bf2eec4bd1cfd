// graph.conv2d: 2-D convolution over NCHW input with an MCkHkW filter, optional bias, groups.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.conv2d %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
 * dilations = array<i64: 1, 1>, group = 1 : i64} : (...) -> tensor<NxMxOHxOWxf32>}. Input X is
 * [N, C, H, W], filter W is [M, C/group, kH, kW], bias B is [M]. Pads are ONNX-ordered
 * [top, left, bottom, right]. This is cross-correlation (no filter flip), as in ONNX.
 */
public final class Conv2dOp implements GraphOp {
  public static final String NAME = "graph.conv2d";

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
    return Map.of("strides", AttrKind.INTS, "pads", AttrKind.INTS, "dilations", AttrKind.INTS,
        "group", AttrKind.INT);
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

  public static long group(Map<String, Attribute> attrs) {
    return GraphAttrs.getInt(attrs, "group", 1);
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType x = in.get(0);
    TensorType w = in.get(1);
    Shapes.requireRank(x, 4, "input");
    Shapes.requireRank(w, 4, "filter");
    Shapes.sameElementType(in);
    List<Long> s = strides(attrs);
    List<Long> p = pads(attrs);
    List<Long> d = dilations(attrs);
    Shapes.requireLength(s, 2, "strides");
    Shapes.requireLength(p, 4, "pads");
    Shapes.requireLength(d, 2, "dilations");
    long g = group(attrs);
    long c = x.shape().get(1);
    long m = w.shape().get(0);
    if (g < 1 || c % g != 0 || m % g != 0) {
      throw new ShapeException("group " + g + " must divide input channels " + c
          + " and output channels " + m);
    }
    if (w.shape().get(1) != c / g) {
      throw new ShapeException("filter " + w + " has " + w.shape().get(1)
          + " input channels per group, expected " + (c / g) + " (input " + x + ", group " + g
          + ")");
    }
    if (in.size() == 3) {
      TensorType b = in.get(2);
      if (b.rank() != 1 || b.shape().get(0) != m) {
        throw new ShapeException("bias " + b + " must be [" + m + "]");
      }
    }
    long oh = Shapes.windowOutput(x.shape().get(2), w.shape().get(2), s.get(0), p.get(0), p.get(2),
        d.get(0), false, "height");
    long ow = Shapes.windowOutput(x.shape().get(3), w.shape().get(3), s.get(1), p.get(1), p.get(3),
        d.get(1), false, "width");
    return TensorType.of(x.elementType(), x.shape().get(0), m, oh, ow);
  }
}
