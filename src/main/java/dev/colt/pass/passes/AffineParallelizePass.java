// The affine-parallelize pass: marks dependence-free loops with colt.parallel.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Parallelize;
import java.util.List;

/** Runs {@link Parallelize} on outermost loops (or every loop). */
public final class AffineParallelizePass implements Pass {
  static final PassOption<Boolean> OUTERMOST_ONLY = PassOption.ofBool("outermost-only", true,
      "Only consider the outermost loop of each nest.");

  static final PassInfo INFO = new PassInfo("affine-parallelize",
      "Mark loops without carried dependences as parallel",
      """
      Adds the unit attribute colt.parallel to loops that carry no memory dependence, have no \
      iter_args and contain no op with unknown memory effects; other loops get a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(OUTERMOST_ONLY),
      new PassInfo.Example("", """
          func.func @f(%A: memref<8x8xf32>) {
            affine.for %i = 0 to 8 {
              affine.for %j = 1 to 8 {
                %v = affine.load %A[%i, %j - 1] : memref<8x8xf32>
                affine.store %v, %A[%i, %j] : memref<8x8xf32>
              }
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
    boolean outer = context.option(OUTERMOST_ONLY);
    return LoopPasses.applyToLoops(func, context,
        f -> outer ? f.roots() : List.copyOf(f.loops()), Parallelize::new, true);
  }
}
