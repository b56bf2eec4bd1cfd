// lower-graph-to-affine: the memref calling convention, buffers, and numerics of ops ONNX tests miss.
package dev.colt.lower.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.graph.BiasAddOp;
import dev.colt.dialect.graph.ConstantOp;
import dev.colt.dialect.graph.GeluOp;
import dev.colt.dialect.graph.GraphAttrs;
import dev.colt.dialect.graph.GraphOp;
import dev.colt.dialect.graph.MatMulOp;
import dev.colt.dialect.graph.ReluOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GraphToAffineTest {
  private static TensorType t(long... dims) {
    return TensorType.of(FloatType.F32, dims);
  }

  /** A module with one function @f whose body {@code build} fills; returns what it returns. */
  private static Operation module(List<TensorType> inputs,
      Function<Block.Builder, List<Value>> build) {
    List<Value> args = inputs.stream().map(Value::new).toList();
    Block.Builder b = new Block.Builder(args);
    List<Value> results = build.apply(b);
    b.add(Operation.create("func.return", results, List.of(), Map.of()));
    FunctionType ft = new FunctionType(List.copyOf(inputs), results.stream().map(Value::type)
        .toList());
    Operation fn = Operation.create("func.func", List.of(), List.of(), Map.of("sym_name",
        new Attribute.StringAttr("f"), "function_type", new Attribute.TypeAttr(ft)),
        List.of(Region.of(b.build())), null);
    return ModuleOp.create(List.of(fn));
  }

  private static Value emit(Block.Builder b, GraphOp op, Map<String, Attribute> attrs,
      Value... operands) {
    return b.addValue(op.build(List.of(operands), attrs));
  }

  private static double[] pattern(int n, int salt) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (((i * 7 + salt * 13) % 17) - 8) / 4.0;
    }
    return v;
  }

  private static List<String> names(Operation op) {
    List<String> out = new ArrayList<>();
    op.walk(o -> out.add(o.name()));
    return out;
  }

  @Test
  void signatureBecomesMemrefsWithOutputsLastAndConstantsBecomeGlobals() {
    Operation graph = module(List.of(t(2, 3)), b -> {
      Value w = b.addValue(ConstantOp.build(new Attribute.DenseElementsAttr(t(3, 4),
          pattern(12, 1)), null));
      Value h = b.addValue(MatMulOp.build(b.argument(0), w));
      return List.of(emit(b, new ReluOp(), Map.of(), h));
    });
    Operation lowered = GraphToAffine.lowerModule(graph);
    List<Operation> top = ModuleOp.body(lowered);
    assertEquals(List.of("memref.global", "func.func"), top.stream().map(Operation::name)
        .toList());
    Operation fn = top.get(1);
    assertEquals(new FunctionType(List.of(MemRefType.of(FloatType.F32, 2, 3),
        MemRefType.of(FloatType.F32, 2, 4)), List.of()), GraphRunner.signature(fn));
    List<String> ops = names(fn);
    assertEquals(1, ops.stream().filter("memref.get_global"::equals).count());
    assertEquals(1, ops.stream().filter("memref.alloc"::equals).count(), "matmul's result only");
    assertEquals(1, ops.stream().filter("memref.dealloc"::equals).count());
    assertTrue(ops.stream().noneMatch(n -> n.startsWith("graph.")), ops.toString());
    List<String> topLevel = fn.body().operations().stream().map(Operation::name).toList();
    assertEquals(3, topLevel.stream().filter("affine.for"::equals).count(),
        "matmul init, matmul accumulate, relu: " + topLevel);

    double[] x = pattern(6, 2);
    double[] w = pattern(12, 1);
    double[] y = GraphRunner.run(graph, List.of(x)).get(0);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 4; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += x[i * 3 + k] * w[k * 4 + j];
        }
        assertEquals(Math.max(s, 0), y[i * 4 + j], 1e-6);
      }
    }
  }

  @Test
  void returningAnArgumentOrTheSameValueTwiceCopies() {
    Operation graph = module(List.of(t(3)), b -> {
      Value r = emit(b, new ReluOp(), Map.of(), b.argument(0));
      return List.of(b.argument(0), r, r);
    });
    double[] x = {-1, 2, -3};
    List<double[]> out = GraphRunner.run(graph, List.of(x));
    assertEquals(List.of(-1.0, 2.0, -3.0), box(out.get(0)));
    assertEquals(List.of(0.0, 2.0, 0.0), box(out.get(1)));
    assertEquals(List.of(0.0, 2.0, 0.0), box(out.get(2)));
  }

  private static List<Double> box(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }

  /** erf by its Maclaurin series, accurate to double precision for |x| <= 3. */
  private static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  @Test
  void geluExactAndTanhMatchTheirDefinitions() {
    double[] x = new double[25];
    for (int i = 0; i < x.length; i++) {
      x[i] = -3 + i * 0.25;
    }
    for (String approximate : List.of("none", "tanh")) {
      Operation graph = module(List.of(t(25)), b -> List.of(emit(b, new GeluOp(),
          Map.of("approximate", new Attribute.StringAttr(approximate)), b.argument(0))));
      double[] y = GraphRunner.run(graph, List.of(x)).get(0);
      for (int i = 0; i < x.length; i++) {
        double v = x[i];
        double expected = approximate.equals("none") ? 0.5 * v * (1 + erf(v / Math.sqrt(2)))
            : 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
        assertEquals(expected, y[i], 1e-5 + 1e-5 * Math.abs(expected), approximate + " at " + v);
      }
    }
  }

  @Test
  void biasAddRunsAlongTheChannelAxis() {
    Operation graph = module(List.of(t(2, 3, 2), t(3)), b -> List.of(emit(b, new BiasAddOp(),
        Map.of("axis", GraphAttrs.integer(1)), b.argument(0), b.argument(1))));
    double[] x = pattern(12, 3);
    double[] bias = {10, 20, 30};
    double[] y = GraphRunner.run(graph, List.of(x, bias)).get(0);
    for (int i = 0; i < 12; i++) {
      assertEquals((float) (x[i] + bias[(i / 2) % 3]), y[i], 1e-6);
    }
  }
}
