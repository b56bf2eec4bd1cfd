// The ONNX versions of testdata/models: model blocks whose weights are pattern-input initializers.
package dev.colt.lower.graph;

import static dev.colt.dialect.graph.onnx.OnnxModelBuilder.attr;
import static dev.colt.dialect.graph.onnx.OnnxModelBuilder.ints;

import dev.colt.dialect.graph.onnx.OnnxModelBuilder;
import dev.colt.exec.data.PatternInputs;
import dev.colt.ir.FloatType;
import dev.colt.ir.TensorType;
import java.util.List;
import onnx.Onnx;

/**
 * Builds each model block of {@code testdata/models} as ONNX. The graph IR version takes every
 * weight as an argument; here the activations are graph inputs and each weight is an initializer
 * holding the pattern input (DESIGN.md) of its argument position in the graph IR signature, so
 * both versions compute the same outputs on pattern inputs.
 */
final class ModelBlocks {
  static final int OPSET = 20;

  private ModelBlocks() {}

  /** The block names, which are also the file names (without extension) in testdata/models. */
  static final List<String> NAMES = List.of("mlp", "conv_block", "attention", "transformer_ffn");

  static TensorType t(long... dims) {
    return TensorType.of(FloatType.F32, dims);
  }

  /** Pattern values of argument {@code a} for {@code type}. */
  static double[] pattern(int a, TensorType type) {
    double[] v = new double[(int) type.numElements()];
    for (int f = 0; f < v.length; f++) {
      v[f] = PatternInputs.floatElement(a, f);
    }
    return v;
  }

  private static OnnxModelBuilder weight(OnnxModelBuilder b, String name, int arg,
      TensorType type) {
    return b.initializer(name, type, pattern(arg, type));
  }

  static Onnx.ModelProto build(String name) {
    return switch (name) {
      case "mlp" -> mlp();
      case "conv_block" -> convBlock();
      case "attention" -> attention();
      case "transformer_ffn" -> transformerFfn();
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Onnx.ModelProto mlp() {
    OnnxModelBuilder b = new OnnxModelBuilder("mlp", OPSET).input("x", t(16, 128));
    weight(b, "w1", 1, t(128, 256));
    weight(b, "b1", 2, t(256));
    weight(b, "w2", 3, t(256, 64));
    weight(b, "b2", 4, t(64));
    return b.node("MatMul", "fc1", List.of("x", "w1"), List.of("h"))
        .node("Add", "fc1_bias", List.of("h", "b1"), List.of("hb"))
        .node("Gelu", "act", List.of("hb"), List.of("a"))
        .node("MatMul", "fc2", List.of("a", "w2"), List.of("o"))
        .node("Add", "fc2_bias", List.of("o", "b2"), List.of("y"))
        .output("y", t(16, 64)).build();
  }

  private static Onnx.ModelProto convBlock() {
    OnnxModelBuilder b = new OnnxModelBuilder("conv_block", OPSET).input("x", t(1, 8, 16, 16));
    weight(b, "w", 1, t(16, 8, 3, 3));
    weight(b, "b", 2, t(16));
    return b.node("Conv", "conv", List.of("x", "w", "b"), List.of("c"), ints("pads", 1, 1, 1, 1),
            ints("kernel_shape", 3, 3))
        .node("Relu", "relu", List.of("c"), List.of("r"))
        .node("MaxPool", "pool", List.of("r"), List.of("y"), ints("kernel_shape", 2, 2),
            ints("strides", 2, 2))
        .output("y", t(1, 16, 8, 8)).build();
  }

  private static Onnx.ModelProto attention() {
    TensorType qkv = t(1, 4, 32, 16);
    return new OnnxModelBuilder("attention", OPSET).input("q", qkv).input("k", qkv)
        .input("v", qkv)
        .initializer("scale", t(), new double[] {0.25})
        .node("Transpose", "k_t", List.of("k"), List.of("kt"), ints("perm", 0, 1, 3, 2))
        .node("MatMul", "scores", List.of("q", "kt"), List.of("s"))
        .node("Mul", "scaled", List.of("s", "scale"), List.of("ss"))
        .node("Softmax", "probs", List.of("ss"), List.of("p"), attr("axis", -1))
        .node("MatMul", "context", List.of("p", "v"), List.of("y"))
        .output("y", qkv).build();
  }

  private static Onnx.ModelProto transformerFfn() {
    OnnxModelBuilder b = new OnnxModelBuilder("transformer_ffn", OPSET).input("x", t(16, 64));
    weight(b, "gamma", 1, t(64));
    weight(b, "beta", 2, t(64));
    weight(b, "w1", 3, t(64, 256));
    weight(b, "b1", 4, t(256));
    weight(b, "w2", 5, t(256, 64));
    weight(b, "b2", 6, t(64));
    return b.node("LayerNormalization", "norm", List.of("x", "gamma", "beta"), List.of("n"),
            attr("axis", -1), attr("epsilon", 1e-5))
        .node("MatMul", "fc1", List.of("n", "w1"), List.of("h"))
        .node("Add", "fc1_bias", List.of("h", "b1"), List.of("hb"))
        .node("Gelu", "act", List.of("hb"), List.of("a"))
        .node("MatMul", "fc2", List.of("a", "w2"), List.of("o"))
        .node("Add", "fc2_bias", List.of("o", "b2"), List.of("ob"))
        .node("Add", "residual", List.of("x", "ob"), List.of("y"))
        .output("y", t(16, 64)).build();
  }
}
