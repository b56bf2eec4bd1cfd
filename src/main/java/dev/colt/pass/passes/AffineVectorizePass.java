// The affine-vectorize pass: vectorizes innermost loops at a fixed width.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Vectorize;
import java.util.List;

/** Runs {@link Vectorize} on every innermost loop; refusals are remarks. */
public final class AffineVectorizePass implements Pass {
  static final PassOption<Integer> WIDTH = PassOption.ofInt("width", 16,
      "Vector width in elements: 4, 8 or 16.");

  static final PassInfo INFO = new PassInfo("affine-vectorize",
      "Vectorize innermost loops",
      """
      Turns width consecutive iterations of each innermost unit-step loop into vector operations: \
      contiguous accesses become affine.vector_load/vector_store, loop-invariant loads are \
      broadcast, iter_args reductions use vector accumulators reduced after the loop with \
      vector.reduction, and leftover iterations run in a scalar remainder loop. Loop-carried \
      dependences and recurrences, non-unit strides and stores to loop-invariant addresses are \
      refused with a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(WIDTH),
      new PassInfo.Example("width=4", """
          func.func @f(%A: memref<10xf32>, %B: memref<10xf32>) {
            affine.for %i = 0 to 10 {
              %v = affine.load %A[%i] : memref<10xf32>
              %w = arith.mulf %v, %v : f32
              affine.store %w, %B[%i] : memref<10xf32>
            }
            return
          }
          """));

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation func, PassContext context) {
    int width = context.option(WIDTH);
    if (width != 4 && width != 8 && width != 16) {
      throw context.failure(func, "width must be 4, 8 or 16, got " + width);
    }
    return LoopPasses.applyToLoops(func, context, LoopPasses::innermost,
        name -> new Vectorize(name, width), false);
  }
}
