// The graph-to-affine lowering: functions on tensors become functions on memrefs with loop nests.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.AvgPoolOp;
import dev.colt.dialect.graph.BatchMatMulOp;
import dev.colt.dialect.graph.BiasAddOp;
import dev.colt.dialect.graph.BroadcastBinaryOp;
import dev.colt.dialect.graph.ConcatOp;
import dev.colt.dialect.graph.Conv2dOp;
import dev.colt.dialect.graph.FlattenOp;
import dev.colt.dialect.graph.GeluOp;
import dev.colt.dialect.graph.GemmOp;
import dev.colt.dialect.graph.GlobalAvgPoolOp;
import dev.colt.dialect.graph.LayerNormOp;
import dev.colt.dialect.graph.LeakyReluOp;
import dev.colt.dialect.graph.MatMulOp;
import dev.colt.dialect.graph.MaxPoolOp;
import dev.colt.dialect.graph.ReduceMeanOp;
import dev.colt.dialect.graph.ReduceSumOp;
import dev.colt.dialect.graph.ReluOp;
import dev.colt.dialect.graph.ReshapeOp;
import dev.colt.dialect.graph.SigmoidOp;
import dev.colt.dialect.graph.SoftmaxOp;
import dev.colt.dialect.graph.SqrtOp;
import dev.colt.dialect.graph.TanhOp;
import dev.colt.dialect.graph.TransposeOp;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers every function of a module whose signature or body uses tensors.
 *
 * <p>Calling convention of a lowered function: {@code func.func @f(%in0: memref<..>, ...,
 * %out0: memref<..>, ...)} with no results: the tensor arguments become memrefs of the same shape
 * and element type in the same order, followed by one memref per tensor result, which the function
 * fills. Graph constants become private {@code memref.global} constants (named
 * {@code @<function>_cst<N>}) read through {@code memref.get_global}. Every other intermediate gets
 * a {@code memref.alloc}, freed by {@code memref.dealloc} before the return.
 *
 * <p>Each graph op becomes its own loop nests (an initialization nest and a compute nest for
 * contractions and pooling, one nest with inner reduction loops carrying iter_args for softmax,
 * layer_norm and reductions); ops are never fused here, so fusion stays a transformation choice.
 * Softmax subtracts the row maximum; layer_norm computes the mean and then the variance of the
 * centred values; convolution and pooling with padding first copy the input into a padded buffer.
 *
 * <p>Failures: a function with a dynamically shaped tensor, or an op this lowering does not know
 * inside a tensor function, gives a {@link dev.colt.ir.DiagnosticException} at the op.
 */
public final class GraphToAffine {
  private static final Map<String, LoweringContext.OpLowering> LOWERINGS = new HashMap<>();

  static {
    LOWERINGS.put(BroadcastBinaryOp.ADD.name(),
        (c, op, in, out) -> ElementwiseLowering.binary(c, "arith.addf", in, out));
    LOWERINGS.put(BroadcastBinaryOp.SUB.name(),
        (c, op, in, out) -> ElementwiseLowering.binary(c, "arith.subf", in, out));
    LOWERINGS.put(BroadcastBinaryOp.MUL.name(),
        (c, op, in, out) -> ElementwiseLowering.binary(c, "arith.mulf", in, out));
    LOWERINGS.put(BroadcastBinaryOp.DIV.name(),
        (c, op, in, out) -> ElementwiseLowering.binary(c, "arith.divf", in, out));
    LOWERINGS.put(BiasAddOp.NAME, ElementwiseLowering::biasAdd);
    LOWERINGS.put(ReluOp.NAME, ElementwiseLowering::unary);
    LOWERINGS.put(LeakyReluOp.NAME, ElementwiseLowering::unary);
    LOWERINGS.put(SigmoidOp.NAME, ElementwiseLowering::unary);
    LOWERINGS.put(TanhOp.NAME, ElementwiseLowering::unary);
    LOWERINGS.put(GeluOp.NAME, ElementwiseLowering::unary);
    LOWERINGS.put(SqrtOp.NAME, ElementwiseLowering::unary);
    LOWERINGS.put(MatMulOp.NAME, ContractionLowering::matmul);
    LOWERINGS.put(BatchMatMulOp.NAME, ContractionLowering::matmul);
    LOWERINGS.put(GemmOp.NAME, ContractionLowering::gemm);
    LOWERINGS.put(Conv2dOp.NAME, WindowLowering::conv2d);
    LOWERINGS.put(MaxPoolOp.NAME, WindowLowering::pool);
    LOWERINGS.put(AvgPoolOp.NAME, WindowLowering::pool);
    LOWERINGS.put(GlobalAvgPoolOp.NAME, ReductionLowering::globalAvgPool);
    LOWERINGS.put(SoftmaxOp.NAME, ReductionLowering::softmax);
    LOWERINGS.put(LayerNormOp.NAME, ReductionLowering::layerNorm);
    LOWERINGS.put(ReduceSumOp.NAME, ReductionLowering::reduce);
    LOWERINGS.put(ReduceMeanOp.NAME, ReductionLowering::reduce);
    LOWERINGS.put(TransposeOp.NAME, LayoutLowering::transpose);
    LOWERINGS.put(ReshapeOp.NAME, LayoutLowering::reshape);
    LOWERINGS.put(FlattenOp.NAME, LayoutLowering::reshape);
    LOWERINGS.put(ConcatOp.NAME, LayoutLowering::concat);
  }

  private GraphToAffine() {}

  /** The lowering of graph op {@code name}, or null (graph.constant is handled separately). */
  static LoweringContext.OpLowering lowering(String name) {
    return LOWERINGS.get(name);
  }

  /**
   * Lowers {@code module} (a builtin.module); functions without tensors are kept as they are.
   * Globals created for constants are placed before the functions.
   */
  public static Operation lowerModule(Operation module) {
    List<Operation> globals = new ArrayList<>();
    List<Operation> rest = new ArrayList<>();
    for (Operation op : ModuleOp.body(module)) {
      if (op.is("func.func") && usesTensors(op)) {
        rest.add(new FunctionLowerer(op, globals).lower());
      } else {
        rest.add(op);
      }
    }
    List<Operation> all = new ArrayList<>(globals);
    all.addAll(rest);
    return module.withBody(module.body().withOperations(all));
  }

  private static boolean usesTensors(Operation func) {
    boolean[] found = {false};
    func.walk(op -> {
      for (var v : op.results()) {
        found[0] |= v.type() instanceof TensorType;
      }
      if (op.dialect().equals("graph")) {
        found[0] = true;
      }
    });
    if (func.attr("function_type") instanceof dev.colt.ir.Attribute.TypeAttr ta
        && ta.type() instanceof dev.colt.ir.FunctionType ft) {
      for (Type t : ft.inputs()) {
        found[0] |= t instanceof TensorType;
      }
      for (Type t : ft.results()) {
        found[0] |= t instanceof TensorType;
      }
    }
    return found[0];
  }
}
