// The graph op verifiers: wrong operand counts, attributes and result types give clear messages.
package dev.colt.dialect.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphVerifierTest {
  private static final TensorType A = TensorType.of(FloatType.F32, 64, 256);
  private static final TensorType B = TensorType.of(FloatType.F32, 256, 128);

  private static List<String> verify(Operation op) {
    OpDefinition def = OpRegistry.global().lookup(op.name());
    List<String> errors = new ArrayList<>();
    def.verify(op, (o, m) -> errors.add(m));
    return errors;
  }

  private static Operation op(String name, List<Type> operands, Type result,
      Map<String, Attribute> attrs) {
    return Operation.create(name, operands.stream().map(Value::new).toList(), List.of(result),
        attrs);
  }

  @Test
  void everyOpIsRegisteredThroughTheServiceLoader() {
    for (var def : new GraphDialect().operations()) {
      assertTrue(OpRegistry.global().lookup(def.name()) instanceof GraphOp, def.name());
    }
  }

  @Test
  void wellTypedOpVerifies() {
    assertEquals(List.of(), verify(op(MatMulOp.NAME, List.of(A, B),
        TensorType.of(FloatType.F32, 64, 128), Map.of())));
  }

  @Test
  void wrongResultTypeIsReportedWithTheInferredType() {
    assertEquals(List.of("'graph.matmul' op result type tensor<64x64xf32> does not match the"
        + " inferred type tensor<64x128xf32>"), verify(op(MatMulOp.NAME, List.of(A, B),
        TensorType.of(FloatType.F32, 64, 64), Map.of())));
  }

  @Test
  void operandCountAttributesAndShapes() {
    assertEquals(List.of("'graph.relu' op expects 1 operands, got 2"),
        verify(op(ReluOp.NAME, List.of(A, A), A, Map.of())));
    assertEquals(List.of("'graph.gemm' op expects 2 to 3 operands, got 1"),
        verify(op(GemmOp.NAME, List.of(A), A, Map.of())));
    assertTrue(verify(op(SoftmaxOp.NAME, List.of(A), A, Map.of("dim", GraphAttrs.integer(1))))
        .get(0).contains("unknown attribute 'dim' (accepted: axis)"));
    assertEquals(List.of("'graph.softmax' op attribute 'axis' must be an integer"),
        verify(op(SoftmaxOp.NAME, List.of(A), A, Map.of("axis", GraphAttrs.f32(1)))));
    assertTrue(verify(op(MatMulOp.NAME, List.of(A, A), A, Map.of())).get(0)
        .contains("contracting dimensions differ"));
    assertTrue(verify(op(ReluOp.NAME, List.of(TensorType.of(FloatType.F32, -1L << 63, 4)), A,
        Map.of())).get(0).contains("must have a static shape"));
  }
}
