// The graph dialect: tensor-level model ops (matmul, conv, activations, normalizations, layout).
package dev.colt.dialect.graph;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers every {@code graph.*} op. */
public final class GraphDialect implements Dialect {
  public static final String NAMESPACE = "graph";

  private static final List<OpDefinition> OPS = List.of(new MatMulOp(), new BatchMatMulOp(),
      new GemmOp(), new Conv2dOp(), BroadcastBinaryOp.ADD, BroadcastBinaryOp.SUB,
      BroadcastBinaryOp.MUL, BroadcastBinaryOp.DIV,
      new BiasAddOp(), new ReluOp(), new LeakyReluOp(), new SigmoidOp(), new TanhOp(), new GeluOp(),
      new SqrtOp(),
      new SoftmaxOp(), new LayerNormOp(), new ReduceMeanOp(), new ReduceSumOp(), new MaxPoolOp(),
      new AvgPoolOp(), new GlobalAvgPoolOp(), new TransposeOp(), new ReshapeOp(), new FlattenOp(),
      new ConcatOp(), new ConstantOp());

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDefinition> operations() {
    return OPS;
  }

  /** The graph op named {@code name}, or null. */
  public static GraphOp lookup(String name) {
    for (OpDefinition d : OPS) {
      if (d.name().equals(name)) {
        return (GraphOp) d;
      }
    }
    return null;
  }
}
