// ONNX converters for convolution, pooling, softmax, layer normalization and reductions.
package dev.colt.dialect.graph.onnx;

import dev.colt.dialect.graph.AvgPoolOp;
import dev.colt.dialect.graph.BroadcastBinaryOp;
import dev.colt.dialect.graph.ConstantOp;
import dev.colt.dialect.graph.Conv2dOp;
import dev.colt.dialect.graph.GlobalAvgPoolOp;
import dev.colt.dialect.graph.GraphAttrs;
import dev.colt.dialect.graph.GraphOp;
import dev.colt.dialect.graph.LayerNormOp;
import dev.colt.dialect.graph.MaxPoolOp;
import dev.colt.dialect.graph.ReduceMeanOp;
import dev.colt.dialect.graph.ReduceSumOp;
import dev.colt.dialect.graph.Shapes;
import dev.colt.dialect.graph.SoftmaxOp;
import dev.colt.dialect.graph.SqrtOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conv, MaxPool, AveragePool, GlobalAveragePool, Softmax, LayerNormalization, ReduceMean/Sum. */
final class NnConverters {
  private NnConverters() {}

  static void register(Map<String, OnnxOps.NodeConverter> table) {
    table.put("Conv", NnConverters::conv);
    table.put("MaxPool", n -> pool(n, new MaxPoolOp()));
    table.put("AveragePool", n -> pool(n, new AvgPoolOp()));
    table.put("GlobalAveragePool", n -> {
      MathConverters.requireFloat(n, 0);
      n.setOutput(0, n.emit(new GlobalAvgPoolOp(), List.of(n.input(0)), Map.of()));
    });
    table.put("Softmax", NnConverters::softmax);
    table.put("LayerNormalization", NnConverters::layerNorm);
    table.put("ReduceMean", n -> reduce(n, new ReduceMeanOp(), 18));
    table.put("ReduceSum", n -> reduce(n, new ReduceSumOp(), 13));
  }

  private static void requireSpatial2d(NodeContext n) {
    if (n.inputType(0).rank() != 4) {
      throw new OnnxException("only 2-D (NCHW, rank 4) inputs are supported, got "
          + n.inputType(0));
    }
  }

  /**
   * Explicit [top, left, bottom, right] pads from {@code pads} or {@code auto_pad}: SAME_UPPER /
   * SAME_LOWER give ceil(in / stride) outputs with the odd padding at the end / beginning.
   */
  private static List<Long> pads(NodeContext n, List<Long> kernel, List<Long> strides,
      List<Long> dilations) {
    String autoPad = n.attrString("auto_pad", "NOTSET");
    TensorType x = n.inputType(0);
    switch (autoPad) {
      case "NOTSET" -> {
        List<Long> p = n.attrInts("pads", List.of(0L, 0L, 0L, 0L));
        Shapes.requireLength(p, 4, "pads");
        return p;
      }
      case "VALID" -> {
        return List.of(0L, 0L, 0L, 0L);
      }
      case "SAME_UPPER", "SAME_LOWER" -> {
        long[] begin = new long[2];
        long[] end = new long[2];
        for (int i = 0; i < 2; i++) {
          long in = x.shape().get(2 + i);
          long s = strides.get(i);
          long out = (in + s - 1) / s;
          long total = Math.max(0, (out - 1) * s + (kernel.get(i) - 1) * dilations.get(i) + 1 - in);
          long small = total / 2;
          begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
          end[i] = total - begin[i];
        }
        return List.of(begin[0], begin[1], end[0], end[1]);
      }
      default -> throw new OnnxException("auto_pad '" + autoPad + "' is not supported");
    }
  }

  private static void conv(NodeContext n) {
    MathConverters.requireFloat(n, 0);
    requireSpatial2d(n);
    TensorType w = n.inputType(1);
    if (w.rank() != 4) {
      throw new OnnxException("filter must have rank 4, got " + w);
    }
    List<Long> kernel = w.shape().subList(2, 4);
    List<Long> declared = n.attrInts("kernel_shape", kernel);
    if (!declared.equals(kernel)) {
      throw new OnnxException("kernel_shape " + declared + " does not match the filter " + w);
    }
    List<Long> strides = n.attrInts("strides", List.of(1L, 1L));
    List<Long> dilations = n.attrInts("dilations", List.of(1L, 1L));
    Shapes.requireLength(strides, 2, "strides");
    Shapes.requireLength(dilations, 2, "dilations");
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("strides", GraphAttrs.ints(strides));
    attrs.put("pads", GraphAttrs.ints(pads(n, kernel, strides, dilations)));
    attrs.put("dilations", GraphAttrs.ints(dilations));
    attrs.put("group", GraphAttrs.integer(n.attrInt("group", 1)));
    List<Value> operands = new ArrayList<>(List.of(n.input(0), n.input(1)));
    if (n.hasInput(2)) {
      operands.add(n.input(2));
    }
    n.setOutput(0, n.emit(new Conv2dOp(), operands, attrs));
  }

  private static void pool(NodeContext n, GraphOp op) {
    MathConverters.requireFloat(n, 0);
    requireSpatial2d(n);
    n.rejectOutputsFrom(1, "Indices");
    n.requireAttr("storage_order", 0);
    List<Long> kernel = n.attrInts("kernel_shape", null);
    if (kernel == null) {
      throw new OnnxException("attribute 'kernel_shape' is required");
    }
    Shapes.requireLength(kernel, 2, "kernel_shape");
    List<Long> strides = n.attrInts("strides", List.of(1L, 1L));
    List<Long> dilations = n.attrInts("dilations", List.of(1L, 1L));
    Shapes.requireLength(strides, 2, "strides");
    Shapes.requireLength(dilations, 2, "dilations");
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("kernel_shape", GraphAttrs.ints(kernel));
    attrs.put("strides", GraphAttrs.ints(strides));
    attrs.put("pads", GraphAttrs.ints(pads(n, kernel, strides, dilations)));
    attrs.put("dilations", GraphAttrs.ints(dilations));
    attrs.put("ceil_mode", GraphAttrs.bool(n.attrInt("ceil_mode", 0) != 0));
    if (op instanceof AvgPoolOp) {
      attrs.put("count_include_pad", GraphAttrs.bool(n.attrInt("count_include_pad", 0) != 0));
    }
    n.setOutput(0, n.emit(op, List.of(n.input(0)), attrs));
  }

  /**
   * Softmax: from opset 13 along one axis (default -1); before, over the flattened dimensions
   * from {@code axis} (default 1), which becomes reshape-softmax-reshape unless axis is the last.
   */
  private static void softmax(NodeContext n) {
    MathConverters.requireFloat(n, 0);
    TensorType x = n.inputType(0);
    if (n.opset() >= 13) {
      long axis = Shapes.normalizeAxis(n.attrInt("axis", -1), x.rank(), "axis");
      n.setOutput(0, n.emit(new SoftmaxOp(), List.of(n.input(0)),
          Map.of("axis", GraphAttrs.integer(axis))));
      return;
    }
    int axis = Shapes.normalizeAxis(n.attrInt("axis", 1), x.rank(), "axis");
    if (axis == x.rank() - 1) {
      n.setOutput(0, n.emit(new SoftmaxOp(), List.of(n.input(0)),
          Map.of("axis", GraphAttrs.integer(axis))));
      return;
    }
    Value flat = MathConverters.reshape(n, n.input(0), List.of(
        Shapes.product(x.shape(), 0, axis), Shapes.product(x.shape(), axis, x.rank())));
    Value y = n.emit(new SoftmaxOp(), List.of(flat), Map.of("axis", GraphAttrs.integer(1)));
    n.setOutput(0, MathConverters.reshape(n, y, x.shape()));
  }

  /**
   * LayerNormalization; the optional Mean and InvStdDev outputs (shape of X with the normalized
   * dimensions set to 1) are computed by separate graph ops: reduce_mean of X, and 1 /
   * sqrt(reduce_mean((X - mean)^2) + epsilon).
   */
  private static void layerNorm(NodeContext n) {
    MathConverters.requireFloat(n, 0);
    if (n.hasAttr("stash_type") && n.attrInt("stash_type") != 1) {
      throw new OnnxException("stash_type " + n.attrInt("stash_type") + " is not supported");
    }
    TensorType x = n.inputType(0);
    long axis = Shapes.normalizeAxis(n.attrInt("axis", -1), x.rank(), "axis");
    List<Value> operands = new ArrayList<>(List.of(n.input(0), n.input(1)));
    if (n.hasInput(2)) {
      operands.add(n.input(2));
    }
    double epsilon = n.attrFloat("epsilon", 1e-5);
    n.setOutput(0, n.emit(new LayerNormOp(), operands, Map.of("axis", GraphAttrs.integer(axis),
        "epsilon", GraphAttrs.f32(epsilon))));
    if (!n.hasOutput(1) && !n.hasOutput(2)) {
      return;
    }
    long[] axes = new long[x.rank() - (int) axis];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axis + i;
    }
    Map<String, Attribute> reduce = Map.of("axes", GraphAttrs.ints(axes), "keepdims",
        GraphAttrs.bool(true));
    Value mean = n.emit(new ReduceMeanOp(), List.of(n.input(0)), reduce);
    if (n.hasOutput(1)) {
      n.setOutput(1, mean);
    }
    if (n.hasOutput(2)) {
      Value centred = n.emit(BroadcastBinaryOp.SUB, List.of(n.input(0), mean), Map.of());
      Value var = n.emit(new ReduceMeanOp(), List.of(n.emit(BroadcastBinaryOp.MUL,
          List.of(centred, centred), Map.of())), reduce);
      Value std = n.emit(new SqrtOp(), List.of(n.emit(BroadcastBinaryOp.ADD,
          List.of(var, scalar(n, x, epsilon)), Map.of())), Map.of());
      n.setOutput(2, n.emit(BroadcastBinaryOp.DIV, List.of(scalar(n, x, 1.0), std), Map.of()));
    }
  }

  /** A rank-0 constant of {@code like}'s element type. */
  private static Value scalar(NodeContext n, TensorType like, double v) {
    return n.emit(new ConstantOp(), List.of(), Map.of("value", new Attribute.DenseElementsAttr(
        new TensorType(List.of(), like.elementType()), new double[] {v})));
  }

  /**
   * ReduceMean/ReduceSum: axes from the attribute before {@code axesInputSince}, from the optional
   * second input after; empty axes reduce everything unless {@code noop_with_empty_axes}.
   */
  private static void reduce(NodeContext n, GraphOp op, int axesInputSince) {
    MathConverters.requireFloat(n, 0);
    List<Long> axes;
    if (n.opset() >= axesInputSince) {
      axes = n.hasInput(1) ? n.constantInput(1).longs() : List.of();
    } else {
      axes = n.attrInts("axes", List.of());
    }
    if (axes.isEmpty() && n.attrInt("noop_with_empty_axes", 0) != 0) {
      n.setOutput(0, n.input(0));
      return;
    }
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("keepdims", GraphAttrs.bool(n.attrInt("keepdims", 1) != 0));
    if (!axes.isEmpty()) {
      attrs.put("axes", GraphAttrs.ints(axes));
    }
    n.setOutput(0, n.emit(op, List.of(n.input(0)), attrs));
  }
}
