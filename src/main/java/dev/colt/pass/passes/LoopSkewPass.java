// The affine-loop-skew pass: skews the second loop of every outermost band by the first.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Skew;
import java.util.List;
import java.util.Optional;

/** Runs {@link Skew} on the two outer loops of each loop nest's outermost band. */
public final class LoopSkewPass implements Pass {
  static final PassOption<Integer> FACTOR = PassOption.ofInt("factor", 1,
      "The inner loop's bounds are shifted by factor times the outer induction variable.");

  static final PassInfo INFO = new PassInfo("affine-loop-skew",
      "Skew the second loop of each outermost band by the first",
      """
      For each loop nest whose outermost band has at least two loops x and y, rewrites y to run \
      over y' = y + factor * x (the body sees y = y' - factor * x). The iterations keep their \
      order, so skewing is always legal; it changes a dependence distance (a, b) into \
      (a, b + factor * a), which can make a stencil's band permutable.""",
      PassInfo.Anchor.FUNCTION, List.of(FACTOR),
      new PassInfo.Example("factor=1", """
          func.func @f(%A: memref<8x9xf32>) {
            affine.for %i = 1 to 8 {
              affine.for %j = 0 to 8 {
                %v = affine.load %A[%i - 1, %j + 1] : memref<8x9xf32>
                affine.store %v, %A[%i, %j] : memref<8x9xf32>
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
    int factor = context.option(FACTOR);
    if (factor == 0) {
      throw context.failure(func, "factor must not be 0");
    }
    return LoopPasses.applyToOuterBands(func, context, band -> band.size() < 2 ? Optional.empty()
        : Optional.of(new Skew(band.get(0), band.get(1), factor)));
  }
}
