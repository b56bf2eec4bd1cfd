// The affine-loop-normalize pass: makes every loop start at 0 with step 1.
package dev.colt.pass.passes;

import dev.colt.analysis.LoopForest;
import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.transform.Normalize;
import java.util.List;

/** Runs {@link Normalize} on every loop; loops already normal are left alone silently. */
public final class LoopNormalizePass implements Pass {
  static final PassInfo INFO = new PassInfo("affine-loop-normalize",
      "Normalize loops to a zero lower bound and unit step",
      """
      Rewrites each affine.for x = L to U step s as a loop from 0 to ceildiv(U - L, s) with \
      step 1 whose body recomputes x = L + n * s (folded into the affine maps that use it). A \
      loop whose lower bound is a max gets a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(),
      new PassInfo.Example("", """
          func.func @f(%A: memref<32xf32>) {
            affine.for %i = 2 to 30 step 4 {
              %v = affine.load %A[%i] : memref<32xf32>
              %w = arith.addf %v, %v : f32
              affine.store %w, %A[%i + 1] : memref<32xf32>
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
    return LoopPasses.applyToLoops(func, context, LoopForest::loops, Normalize::new, true);
  }
}
