// The affine-licm pass: hoists loop-invariant code out of every loop.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.transform.HoistInvariants;
import java.util.List;

/** Runs {@link HoistInvariants} on every loop, innermost first. */
public final class AffineLicmPass implements Pass {
  static final PassInfo INFO = new PassInfo("affine-licm",
      "Hoist loop-invariant code out of loops",
      """
      Moves pure ops whose operands are defined outside the loop, and loads from memrefs the loop \
      never writes, to just before the loop; innermost loops first, so code can move out of \
      several levels.""",
      PassInfo.Anchor.FUNCTION, List.of(),
      new PassInfo.Example("", """
          func.func @f(%A: memref<8xf32>, %s: memref<1xf32>) {
            affine.for %i = 0 to 8 {
              %c = affine.load %s[0] : memref<1xf32>
              %v = affine.load %A[%i] : memref<8xf32>
              %w = arith.mulf %v, %c : f32
              affine.store %w, %A[%i] : memref<8xf32>
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
    return LoopPasses.applyToLoops(func, context, AffineScalarReplacePass::innerFirst,
        HoistInvariants::new, true);
  }
}
