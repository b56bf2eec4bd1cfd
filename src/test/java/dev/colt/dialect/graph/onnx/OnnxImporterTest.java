// ONNX import: graph structure for supported ops, and clear errors for bad or unsupported models.
package dev.colt.dialect.graph.onnx;

import static dev.colt.dialect.graph.onnx.OnnxModelBuilder.attr;
import static dev.colt.dialect.graph.onnx.OnnxModelBuilder.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.graph.GraphAttrs;
import dev.colt.ir.Attribute;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxImporterTest {
  private static TensorType t(long... dims) {
    return TensorType.of(FloatType.F32, dims);
  }

  private static double[] zeros(int n) {
    return new double[n];
  }

  private static Operation function(Operation module) {
    return ModuleOp.body(module).get(0);
  }

  private static List<String> opNames(Operation module) {
    return function(module).body().operations().stream().map(Operation::name).toList();
  }

  private static String error(byte[] bytes) {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> ModelLoader.load(bytes, "model.onnx"));
    assertEquals(1, e.diagnostics().size());
    assertEquals("model.onnx", e.diagnostics().get(0).location().file());
    return e.diagnostics().get(0).message();
  }

  private static OnnxModelBuilder mlp() {
    return new OnnxModelBuilder("tiny mlp", 17)
        .input("x", t(2, 4))
        .initializer("w", t(4, 3), zeros(12))
        .initializer("b", t(3), zeros(3))
        .node("Gemm", "fc", List.of("x", "w", "b"), List.of("h"), attr("transB", 0))
        .node("Relu", "act", List.of("h"), List.of("y"))
        .output("y", t(2, 3));
  }

  @Test
  void gemmReluBecomesAFunctionOverGraphOps() {
    Operation module = ModelLoader.load(mlp().build().toByteArray(), "mlp.onnx");
    Operation fn = function(module);
    assertEquals("func.func", fn.name());
    assertEquals(new Attribute.StringAttr("tiny_mlp"), fn.attr("sym_name"));
    assertEquals(new Attribute.TypeAttr(new FunctionType(List.of(t(2, 4)), List.of(t(2, 3)))),
        fn.attr("function_type"));
    assertEquals(List.of("graph.constant", "graph.constant", "graph.gemm", "graph.relu",
        "func.return"), opNames(module));
    Operation gemm = fn.body().operations().get(2);
    assertEquals(GraphAttrs.bool(false), gemm.attr("transB"));
    assertEquals(GraphAttrs.f32(1.0), gemm.attr("alpha"));
  }

  @Test
  void unsupportedOpsAreAllNamedInOneError() {
    byte[] model = new OnnxModelBuilder("g", 17).input("x", t(4))
        .node("Relu", "ok", List.of("x"), List.of("a"))
        .node("Cos", "cos1", List.of("a"), List.of("b"))
        .node("Cos", "cos2", List.of("b"), List.of("c"))
        .node("Erf", "", List.of("c"), List.of("y"))
        .output("y", t(4)).build().toByteArray();
    String msg = error(model);
    assertTrue(msg.startsWith("unsupported ONNX ops: Cos (nodes 'cos1', 'cos2'), Erf (node '#3');"
        + " supported: "), msg);
    assertTrue(msg.contains("Gemm"), msg);
  }

  @Test
  void truncatedFileIsReported() {
    byte[] full = mlp().build().toByteArray();
    String msg = error(Arrays.copyOf(full, full.length / 2));
    assertTrue(msg.startsWith("not a valid ONNX model (truncated or corrupt protobuf"), msg);
  }

  @Test
  void shapeMismatchesAreReportedWithTheNode() {
    byte[] badOutput = mlp().build().toBuilder().setGraph(mlp().build().getGraph().toBuilder()
        .setOutput(0, OnnxModelBuilder.valueInfo("y", t(2, 5)))).build().toByteArray();
    assertEquals("shape mismatch: graph output 'y' is declared as [2, 5] but computes"
        + " tensor<2x3xf32>", error(badOutput));
    byte[] badWeights = new OnnxModelBuilder("g", 17).input("x", t(2, 4))
        .initializer("w", t(5, 3), zeros(15))
        .node("MatMul", "mm", List.of("x", "w"), List.of("y")).output("y", t(2, 3))
        .build().toByteArray();
    assertEquals("node 'mm' (MatMul): contracting dimensions differ: lhs tensor<2x4xf32> has"
        + " K = 4, rhs tensor<5x3xf32> has K = 5", error(badWeights));
  }

  @Test
  void dynamicShapesAndOpsetsOutOfRangeAreRejected() {
    byte[] dynamic = new OnnxModelBuilder("g", 17).dynamicInput("x", t(1, 4), 0, "batch")
        .node("Relu", "r", List.of("x"), List.of("y")).output("y", t(1, 4)).build().toByteArray();
    assertEquals("input 'x' has a dynamic dimension 'batch'; static shapes are required",
        error(dynamic));
    byte[] old = new OnnxModelBuilder("g", 9).input("x", t(4))
        .node("Relu", "r", List.of("x"), List.of("y")).output("y", t(4)).build().toByteArray();
    assertEquals("opset 9 is not supported for Relu (supported: 11 to 21)", error(old));
  }

  @Test
  void reshapeResolvesZeroAndMinusOneAndSoftmaxBefore13Flattens() {
    Operation module = ModelLoader.load(new OnnxModelBuilder("g", 11).input("x", t(2, 3, 4))
        .initializer("s", TensorType.of(IntegerType.I64, 2), new double[] {0, -1})
        .node("Reshape", "r", List.of("x", "s"), List.of("y"))
        .node("Softmax", "sm", List.of("x"), List.of("z"), attr("axis", 1))
        .output("y", t(2, 12)).output("z", t(2, 3, 4)).build().toByteArray(), "m.onnx");
    List<Operation> ops = function(module).body().operations();
    assertEquals(List.of("graph.reshape", "graph.reshape", "graph.softmax", "graph.reshape",
        "func.return"), opNames(module));
    assertEquals(GraphAttrs.ints(2, 12), ops.get(0).attr("shape"));
    assertEquals(t(2, 12), ops.get(2).result().type());
  }

  @Test
  void convAutoPadSameUpperComputesPads() {
    Operation module = ModelLoader.load(new OnnxModelBuilder("g", 13).input("x", t(1, 1, 5, 5))
        .initializer("w", t(2, 1, 4, 4), zeros(32))
        .node("Conv", "c", List.of("x", "w"), List.of("y"), attr("auto_pad", "SAME_UPPER"),
            ints("strides", 2, 2))
        .output("y", t(1, 2, 3, 3)).build().toByteArray(), "m.onnx");
    Operation conv = function(module).body().operations().get(1);
    assertEquals(GraphAttrs.ints(1, 1, 2, 2), conv.attr("pads"));
  }
}
