// ONNX converters for matrix products, elementwise arithmetic and activations.
package dev.colt.dialect.graph.onnx;

import dev.colt.dialect.graph.BatchMatMulOp;
import dev.colt.dialect.graph.BroadcastBinaryOp;
import dev.colt.dialect.graph.GemmOp;
import dev.colt.dialect.graph.GeluOp;
import dev.colt.dialect.graph.GraphAttrs;
import dev.colt.dialect.graph.GraphOp;
import dev.colt.dialect.graph.LeakyReluOp;
import dev.colt.dialect.graph.MatMulOp;
import dev.colt.dialect.graph.ReluOp;
import dev.colt.dialect.graph.ReshapeOp;
import dev.colt.dialect.graph.SigmoidOp;
import dev.colt.dialect.graph.SqrtOp;
import dev.colt.dialect.graph.TanhOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** MatMul, Gemm, Add/Sub/Mul/Div, Relu, LeakyRelu, Sigmoid, Tanh, Sqrt, Gelu. */
final class MathConverters {
  private MathConverters() {}

  static void register(Map<String, OnnxOps.NodeConverter> table) {
    table.put("MatMul", MathConverters::matMul);
    table.put("Gemm", MathConverters::gemm);
    table.put("Add", n -> binary(n, BroadcastBinaryOp.ADD));
    table.put("Sub", n -> binary(n, BroadcastBinaryOp.SUB));
    table.put("Mul", n -> binary(n, BroadcastBinaryOp.MUL));
    table.put("Div", n -> binary(n, BroadcastBinaryOp.DIV));
    table.put("Relu", n -> unary(n, new ReluOp(), Map.of()));
    table.put("Sigmoid", n -> unary(n, new SigmoidOp(), Map.of()));
    table.put("Tanh", n -> unary(n, new TanhOp(), Map.of()));
    table.put("Sqrt", n -> unary(n, new SqrtOp(), Map.of()));
    table.put("LeakyRelu", n -> unary(n, new LeakyReluOp(),
        Map.of("alpha", GraphAttrs.f32(n.attrFloat("alpha", 0.01)))));
    table.put("Gelu", n -> unary(n, new GeluOp(), Map.of("approximate",
        new Attribute.StringAttr(n.attrString("approximate", "none")))));
  }

  /** Fails unless input {@code i} has float elements. */
  static void requireFloat(NodeContext n, int i) {
    TensorType t = n.inputType(i);
    if (!t.elementType().isFloat()) {
      throw new OnnxException("input #" + i + " has element type " + t.elementType()
          + "; only float tensors are supported");
    }
  }

  private static void unary(NodeContext n, GraphOp op, Map<String, Attribute> attrs) {
    requireFloat(n, 0);
    n.setOutput(0, n.emit(op, List.of(n.input(0)), attrs));
  }

  private static void binary(NodeContext n, GraphOp op) {
    requireFloat(n, 0);
    requireFloat(n, 1);
    n.setOutput(0, n.emit(op, List.of(n.input(0), n.input(1)), Map.of()));
  }

  /** Numpy matmul: 1-D operands are promoted to matrices and the added dimension removed after. */
  private static void matMul(NodeContext n) {
    requireFloat(n, 0);
    requireFloat(n, 1);
    Value a = n.input(0);
    Value b = n.input(1);
    TensorType at = n.inputType(0);
    TensorType bt = n.inputType(1);
    boolean vecA = at.rank() == 1;
    boolean vecB = bt.rank() == 1;
    if (vecA) {
      a = reshape(n, a, List.of(1L, at.shape().get(0)));
    }
    if (vecB) {
      b = reshape(n, b, List.of(bt.shape().get(0), 1L));
    }
    boolean matrices = ((TensorType) a.type()).rank() == 2 && ((TensorType) b.type()).rank() == 2;
    Value y = n.emit(matrices ? new MatMulOp() : new BatchMatMulOp(), List.of(a, b), Map.of());
    if (vecA || vecB) {
      List<Long> shape = new ArrayList<>(((TensorType) y.type()).shape());
      if (vecB) {
        shape.remove(shape.size() - 1);
      }
      if (vecA) {
        shape.remove(shape.size() - 1 - (vecB ? 0 : 1));
      }
      y = reshape(n, y, shape);
    }
    n.setOutput(0, y);
  }

  static Value reshape(NodeContext n, Value x, List<Long> shape) {
    return n.emit(new ReshapeOp(), List.of(x), Map.of("shape", GraphAttrs.ints(shape)));
  }

  private static void gemm(NodeContext n) {
    requireFloat(n, 0);
    requireFloat(n, 1);
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put("alpha", GraphAttrs.f32(n.attrFloat("alpha", 1.0)));
    attrs.put("beta", GraphAttrs.f32(n.attrFloat("beta", 1.0)));
    attrs.put("transA", GraphAttrs.bool(n.attrInt("transA", 0) != 0));
    attrs.put("transB", GraphAttrs.bool(n.attrInt("transB", 0) != 0));
    List<Value> operands = new ArrayList<>(List.of(n.input(0), n.input(1)));
    if (n.hasInput(2)) {
      requireFloat(n, 2);
      operands.add(n.input(2));
    }
    n.setOutput(0, n.emit(new GemmOp(), operands, attrs));
  }
}
