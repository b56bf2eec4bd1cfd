// Shape inference of every graph op: the inferred result types and the failure messages.
package dev.colt.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphShapeInferenceTest {
  private static TensorType t(long... dims) {
    return TensorType.of(FloatType.F32, dims);
  }

  private static TensorType infer(GraphOp op, Map<String, Attribute> attrs, TensorType... in) {
    List<Value> values = Arrays.stream(in).map(Value::new).toList();
    return (TensorType) op.build(values, attrs).result().type();
  }

  private static String failure(GraphOp op, Map<String, Attribute> attrs, TensorType... in) {
    return assertThrows(ShapeException.class, () -> infer(op, attrs, in)).getMessage();
  }

  @Test
  void matmulFamilies() {
    assertEquals(t(64, 128), infer(new MatMulOp(), Map.of(), t(64, 256), t(256, 128)));
    assertTrue(failure(new MatMulOp(), Map.of(), t(64, 256), t(255, 128))
        .contains("contracting dimensions differ"));
    assertEquals(t(5, 2, 3, 7), infer(new BatchMatMulOp(), Map.of(), t(5, 1, 3, 4), t(2, 4, 7)));
    assertTrue(failure(new BatchMatMulOp(), Map.of(), t(3, 2, 4), t(2, 4, 5))
        .contains("not broadcast-compatible"));
    Map<String, Attribute> tt = Map.of("transA", GraphAttrs.bool(true), "transB",
        GraphAttrs.bool(true));
    assertEquals(t(3, 5), infer(new GemmOp(), tt, t(4, 3), t(5, 4), t(5)));
    assertTrue(failure(new GemmOp(), Map.of(), t(3, 4), t(4, 5), t(3, 4))
        .contains("does not broadcast to [3, 5]"));
  }

  @Test
  void convolutionAndPooling() {
    Map<String, Attribute> attrs = Map.of("strides", GraphAttrs.ints(2, 2), "pads",
        GraphAttrs.ints(1, 1, 1, 1), "group", GraphAttrs.integer(2));
    assertEquals(t(1, 8, 4, 4), infer(new Conv2dOp(), attrs, t(1, 4, 8, 8), t(8, 2, 3, 3), t(8)));
    assertTrue(failure(new Conv2dOp(), attrs, t(1, 4, 8, 8), t(8, 4, 3, 3))
        .contains("input channels per group, expected 2"));
    assertTrue(failure(new Conv2dOp(), Map.of(), t(1, 4, 2, 2), t(8, 4, 3, 3))
        .contains("does not fit input"));
    Map<String, Attribute> pool = Map.of("kernel_shape", GraphAttrs.ints(3, 3), "strides",
        GraphAttrs.ints(2, 2), "ceil_mode", GraphAttrs.bool(true));
    assertEquals(t(1, 3, 3, 3), infer(new MaxPoolOp(), pool, t(1, 3, 6, 6)));
    assertEquals(t(1, 3, 2, 2), infer(new AvgPoolOp(), Map.of("kernel_shape",
        GraphAttrs.ints(3, 3), "strides", GraphAttrs.ints(2, 2)), t(1, 3, 6, 6)));
    assertTrue(failure(new MaxPoolOp(), Map.of(), t(1, 3, 6, 6)).contains("kernel_shape"));
    assertEquals(t(2, 3, 1, 1), infer(new GlobalAvgPoolOp(), Map.of(), t(2, 3, 5, 7)));
  }

  @Test
  void elementwiseAndNormalization() {
    assertEquals(t(4, 3), infer(BroadcastBinaryOp.ADD, Map.of(), t(4, 1), t(3)));
    assertTrue(failure(BroadcastBinaryOp.DIV, Map.of(), t(4, 2), t(3))
        .contains("dimension 1: 2 vs 3"));
    assertEquals(t(2, 5, 3, 3), infer(new BiasAddOp(), Map.of(), t(2, 5, 3, 3), t(5)));
    assertTrue(failure(new BiasAddOp(), Map.of(), t(2, 5), t(4)).contains("vector of 5"));
    assertEquals(t(2, 5), infer(new GeluOp(), Map.of("approximate",
        new Attribute.StringAttr("tanh")), t(2, 5)));
    assertTrue(failure(new GeluOp(), Map.of("approximate", new Attribute.StringAttr("fast")),
        t(2)).contains("\"none\" or \"tanh\""));
    assertTrue(failure(new SoftmaxOp(), Map.of("axis", GraphAttrs.integer(2)), t(2, 5))
        .contains("out of range for rank 2"));
    assertEquals(t(2, 3, 4), infer(new LayerNormOp(), Map.of("axis", GraphAttrs.integer(1)),
        t(2, 3, 4), t(3, 4), t(4)));
    assertTrue(failure(new LayerNormOp(), Map.of(), t(2, 3, 4), t(3))
        .contains("normalized shape [4]"));
  }

  @Test
  void reductionsAndLayout() {
    assertEquals(t(2, 1, 4), infer(new ReduceMeanOp(), Map.of("axes", GraphAttrs.ints(-2)),
        t(2, 3, 4)));
    assertEquals(t(), infer(new ReduceSumOp(), Map.of("keepdims", GraphAttrs.bool(false)),
        t(2, 3, 4)));
    assertTrue(failure(new ReduceSumOp(), Map.of("axes", GraphAttrs.ints(1, -2)), t(2, 3, 4))
        .contains("listed twice"));
    assertEquals(t(4, 2, 3), infer(new TransposeOp(), Map.of("perm", GraphAttrs.ints(2, 0, 1)),
        t(2, 3, 4)));
    assertEquals(t(4, 3, 2), infer(new TransposeOp(), Map.of(), t(2, 3, 4)));
    assertTrue(failure(new TransposeOp(), Map.of("perm", GraphAttrs.ints(0, 0, 1)), t(2, 3, 4))
        .contains("not a permutation"));
    assertEquals(t(6, 4), infer(new ReshapeOp(), Map.of("shape", GraphAttrs.ints(6, 4)),
        t(2, 3, 4)));
    assertTrue(failure(new ReshapeOp(), Map.of("shape", GraphAttrs.ints(5, 5)), t(2, 3, 4))
        .contains("24 elements"));
    assertEquals(t(1, 24), infer(new FlattenOp(), Map.of("axis", GraphAttrs.integer(0)),
        t(2, 3, 4)));
    assertEquals(t(24, 1), infer(new FlattenOp(), Map.of("axis", GraphAttrs.integer(3)),
        t(2, 3, 4)));
    assertEquals(t(2, 7), infer(new ConcatOp(), Map.of("axis", GraphAttrs.integer(-1)),
        t(2, 3), t(2, 4)));
    assertTrue(failure(new ConcatOp(), Map.of("axis", GraphAttrs.integer(1)), t(2, 3), t(3, 4))
        .contains("differ in dimension 0"));
    Attribute.DenseElementsAttr w = new Attribute.DenseElementsAttr(t(2, 2),
        new double[] {1, 2, 3, 4});
    assertEquals(t(2, 2), ConstantOp.build(w, null).result().type());
  }
}
