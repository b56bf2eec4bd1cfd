// The affine-scalrep pass: keeps loop-invariant load/store pairs in iter_args.
package dev.colt.pass.passes;

import dev.colt.analysis.LoopForest;
import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.transform.ScalarReplace;
import java.util.List;

/** Runs {@link ScalarReplace} on every loop, innermost first. */
public final class AffineScalarReplacePass implements Pass {
  static final PassInfo INFO = new PassInfo("affine-scalrep",
      "Keep accumulators in registers across loops",
      """
      For every loop (innermost first), a load and a later store of the same loop-invariant \
      address that no other access in the loop touches become one load before the loop, an \
      iter_arg, and one store after it.""",
      PassInfo.Anchor.FUNCTION, List.of(),
      new PassInfo.Example("", """
          func.func @f(%A: memref<4x8xf32>, %y: memref<4xf32>) {
            affine.for %i = 0 to 4 {
              affine.for %j = 0 to 8 {
                %a = affine.load %A[%i, %j] : memref<4x8xf32>
                %s = affine.load %y[%i] : memref<4xf32>
                %t = arith.addf %s, %a : f32
                affine.store %t, %y[%i] : memref<4xf32>
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
    return LoopPasses.applyToLoops(func, context, AffineScalarReplacePass::innerFirst,
        ScalarReplace::new, true);
  }

  static List<LoopForest.Loop> innerFirst(LoopForest f) {
    List<LoopForest.Loop> loops = new java.util.ArrayList<>(f.loops());
    java.util.Collections.reverse(loops);
    return loops;
  }
}
