// ONNX converters for layout and data-movement ops, constants and inference-time no-ops.
package dev.colt.dialect.graph.onnx;

import dev.colt.dialect.graph.ConcatOp;
import dev.colt.dialect.graph.FlattenOp;
import dev.colt.dialect.graph.GraphAttrs;
import dev.colt.dialect.graph.Shapes;
import dev.colt.dialect.graph.TransposeOp;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import onnx.Onnx;

/** Transpose, Reshape, Flatten, Concat, Squeeze, Unsqueeze, Constant, Identity, Dropout. */
final class LayoutConverters {
  private LayoutConverters() {}

  static void register(Map<String, OnnxOps.NodeConverter> table) {
    table.put("Transpose", n -> {
      List<Long> perm = n.attrInts("perm", null);
      n.setOutput(0, n.emit(new TransposeOp(), List.of(n.input(0)),
          perm == null ? Map.of() : Map.of("perm", GraphAttrs.ints(perm))));
    });
    table.put("Reshape", LayoutConverters::reshape);
    table.put("Flatten", n -> n.setOutput(0, n.emit(new FlattenOp(), List.of(n.input(0)),
        Map.of("axis", GraphAttrs.integer(n.attrInt("axis", 1))))));
    table.put("Concat", LayoutConverters::concat);
    table.put("Squeeze", LayoutConverters::squeeze);
    table.put("Unsqueeze", LayoutConverters::unsqueeze);
    table.put("Constant", LayoutConverters::constant);
    table.put("Identity", n -> forward(n));
    table.put("Dropout", LayoutConverters::dropout);
  }

  /** Output 0 is input 0 (kept constant when it is). */
  private static void forward(NodeContext n) {
    try {
      n.setConstantOutput(0, n.constantInput(0));
    } catch (OnnxException notConstant) {
      n.setOutput(0, n.input(0));
    }
  }

  private static void dropout(NodeContext n) {
    n.rejectOutputsFrom(1, "mask");
    if (n.hasInput(2) && n.constantInput(2).values()[0] != 0) {
      throw new OnnxException("training_mode = true is not supported");
    }
    forward(n);
  }

  /** The shape input resolved: 0 copies the input dimension (unless allowzero), -1 is inferred. */
  private static void reshape(NodeContext n) {
    TensorType x = n.inputType(0);
    List<Long> requested = n.constantInput(1).longs();
    boolean allowZero = n.attrInt("allowzero", 0) != 0;
    List<Long> shape = new ArrayList<>();
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < requested.size(); i++) {
      long d = requested.get(i);
      if (d == 0 && !allowZero) {
        if (i >= x.rank()) {
          throw new OnnxException("shape " + requested + " copies dimension " + i + " of " + x
              + ", which does not exist");
        }
        d = x.shape().get(i);
      }
      if (d == -1) {
        if (inferred >= 0) {
          throw new OnnxException("shape " + requested + " has more than one -1");
        }
        inferred = i;
      } else if (d < 0) {
        throw new OnnxException("shape " + requested + " has an invalid dimension " + d);
      } else {
        known *= d;
      }
      shape.add(d);
    }
    long total = Shapes.numElements(x);
    if (inferred >= 0) {
      if (known == 0 || total % known != 0) {
        throw new OnnxException("cannot infer the -1 of shape " + requested + " for " + x);
      }
      shape.set(inferred, total / known);
    }
    n.setOutput(0, MathConverters.reshape(n, n.input(0), shape));
  }

  private static void concat(NodeContext n) {
    List<Value> operands = new ArrayList<>();
    for (int i = 0; n.hasInput(i); i++) {
      operands.add(n.input(i));
    }
    n.setOutput(0, n.emit(new ConcatOp(), operands,
        Map.of("axis", GraphAttrs.integer(n.attrInt("axis")))));
  }

  private static List<Long> axes(NodeContext n) {
    if (n.opset() >= 13) {
      return n.hasInput(1) ? n.constantInput(1).longs() : null;
    }
    return n.attrInts("axes", null);
  }

  private static void squeeze(NodeContext n) {
    TensorType x = n.inputType(0);
    List<Long> axes = axes(n);
    TreeSet<Integer> drop = new TreeSet<>();
    for (int i = 0; i < x.rank(); i++) {
      if (axes == null && x.shape().get(i) == 1) {
        drop.add(i);
      }
    }
    if (axes != null) {
      for (long a : axes) {
        int axis = Shapes.normalizeAxis(a, x.rank(), "axis");
        if (x.shape().get(axis) != 1) {
          throw new OnnxException("cannot squeeze dimension " + axis + " of " + x
              + ": its size is not 1");
        }
        drop.add(axis);
      }
    }
    List<Long> shape = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      if (!drop.contains(i)) {
        shape.add(x.shape().get(i));
      }
    }
    n.setOutput(0, MathConverters.reshape(n, n.input(0), shape));
  }

  private static void unsqueeze(NodeContext n) {
    TensorType x = n.inputType(0);
    List<Long> axes = axes(n);
    if (axes == null) {
      throw new OnnxException("axes are required");
    }
    int rank = x.rank() + axes.size();
    TreeSet<Integer> inserted = new TreeSet<>();
    for (long a : axes) {
      if (!inserted.add(Shapes.normalizeAxis(a, rank, "axis"))) {
        throw new OnnxException("axis " + a + " is listed twice");
      }
    }
    List<Long> shape = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < rank; i++) {
      shape.add(inserted.contains(i) ? 1L : x.shape().get(next++));
    }
    n.setOutput(0, MathConverters.reshape(n, n.input(0), shape));
  }

  private static void constant(NodeContext n) {
    Onnx.TensorProto t = n.attrTensor("value");
    if (t != null) {
      n.setConstantOutput(0, OnnxTensors.decode(t));
    } else if (n.hasAttr("value_float")) {
      n.setConstantOutput(0, new OnnxTensors.Data(TensorType.of(FloatType.F32),
          new double[] {(float) n.attrFloat("value_float", 0)}));
    } else if (n.hasAttr("value_int")) {
      n.setConstantOutput(0, new OnnxTensors.Data(TensorType.of(IntegerType.I64),
          new double[] {n.attrInt("value_int")}));
    } else if (n.hasAttr("value_ints")) {
      List<Long> v = n.attrInts("value_ints", List.of());
      n.setConstantOutput(0, new OnnxTensors.Data(TensorType.of(IntegerType.I64, v.size()),
          v.stream().mapToDouble(Long::doubleValue).toArray()));
    } else {
      throw new OnnxException("only the value, value_float, value_int and value_ints forms are"
          + " supported (got " + n.attrNames() + ")");
    }
  }
}
