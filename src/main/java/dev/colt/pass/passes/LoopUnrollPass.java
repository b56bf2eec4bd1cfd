// The affine-loop-unroll pass: unrolls innermost loops by a factor or fully.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Unroll;
import java.util.List;

/** Runs {@link Unroll} on every innermost loop; loops it refuses get a remark. */
public final class LoopUnrollPass implements Pass {
  static final PassOption<Integer> FACTOR = PassOption.ofInt("unroll-factor", 4,
      "Unroll factor; the trip count modulo the factor runs in a remainder loop.");
  static final PassOption<Boolean> FULL = PassOption.ofBool("unroll-full", false,
      "Unroll innermost loops completely (constant trip counts up to 64).");

  static final PassInfo INFO = new PassInfo("affine-loop-unroll",
      "Unroll innermost loops",
      """
      Unrolls each innermost affine.for with a constant trip count: the body is repeated \
      unroll-factor times in a loop stepping unroll-factor times faster (iter_args chained through \
      the copies), followed by a loop over the remaining iterations. Loops with a variable trip \
      count, or fewer iterations than the factor, get a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(FACTOR, FULL),
      new PassInfo.Example("unroll-factor=2", """
          func.func @f(%A: memref<5xf32>) {
            affine.for %i = 0 to 5 {
              %v = affine.load %A[%i] : memref<5xf32>
              %w = arith.mulf %v, %v : f32
              affine.store %w, %A[%i] : memref<5xf32>
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
    int factor = context.option(FACTOR);
    boolean full = context.option(FULL);
    if (!full && factor < 1) {
      throw context.failure(func, "unroll-factor must be at least 1, got " + factor);
    }
    if (!full && factor == 1) {
      return func;
    }
    return LoopPasses.applyToLoops(func, context, LoopPasses::innermost,
        name -> new Unroll(name, full ? Unroll.FULL : factor), false);
  }
}
