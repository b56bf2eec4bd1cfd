// The lower-graph-to-affine pass: graph dialect functions on tensors to affine loop nests on memrefs.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.lower.graph.GraphToAffine;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import java.util.List;

/** Runs {@link GraphToAffine#lowerModule} on the module. */
public final class LowerGraphToAffinePass implements Pass {
  static final PassInfo INFO = new PassInfo("lower-graph-to-affine",
      "Lower graph ops on tensors to affine loop nests on memrefs",
      """
      Every function using tensors becomes a function on memrefs: tensor arguments become memrefs \
      of the same shape in the same order, followed by one memref per tensor result, which the \
      function fills; the function returns nothing. Graph constants become private \
      memref.global constants read with memref.get_global; intermediates are memref.alloc'ed and \
      freed before the return. Each graph op becomes its own loop nests (no fusion): an \
      initialization and a multiply-accumulate nest for contractions, convolution and pooling \
      (after a padded copy when windows leave the input), one nest with inner reduction loops \
      for softmax (max-subtracted), layer_norm (mean, then variance) and reductions.""",
      PassInfo.Anchor.MODULE, List.of(),
      new PassInfo.Example("", """
          func.func @mlp(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>) -> tensor<4x16xf32> {
            %h = graph.matmul %x, %w : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
            %y = graph.relu %h : (tensor<4x16xf32>) -> tensor<4x16xf32>
            return %y : tensor<4x16xf32>
          }
          """));

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    return GraphToAffine.lowerModule(op);
  }
}
