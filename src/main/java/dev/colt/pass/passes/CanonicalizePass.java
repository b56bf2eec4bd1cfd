// The canonicalize pass: folds constants, simplifies affine maps and loops, removes dead code.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.cleanup.Canonicalizer;
import java.util.List;

/** Runs {@link Canonicalizer} on each function. */
public final class CanonicalizePass implements Pass {
  static final PassOption<Integer> MAX_ITERATIONS = PassOption.ofInt("max-iterations", 10,
      "Maximum number of rewrite sweeps before stopping (each sweep runs every pattern once).");
  static final PassOption<Boolean> PROMOTE_SINGLE_ITERATION = PassOption.ofBool(
      "promote-single-iteration", true,
      "Replace affine.for loops that run exactly once by their body.");

  static final PassInfo INFO = new PassInfo("canonicalize",
      "Fold constants, simplify affine maps and loops, and remove dead code",
      """
      Brings each function to a canonical form: constants are deduplicated and hoisted to the top \
      of the function; ops with constant operands are folded and the results materialized as \
      arith.constant; affine maps absorb constant operands and the affine.apply ops that produce \
      their operands (so apply chains fold into loads, stores and loop bounds); constant \
      affine.apply/min/max ops become constants; loops that never run are removed, loops that run \
      once are promoted, affine.if ops decided by constants are replaced by the branch taken; \
      side-effect-free ops whose results are unused are removed. Repeats until \
      nothing changes or max-iterations sweeps ran.""",
      PassInfo.Anchor.FUNCTION, List.of(MAX_ITERATIONS, PROMOTE_SINGLE_ITERATION),
      new PassInfo.Example("", """
          func.func @f(%A: memref<16xf32>) {
            %f0 = arith.constant 0.000000e+00 : f32
            %c1 = arith.constant 1 : index
            %c2 = arith.constant 2 : index
            %n = arith.addi %c1, %c2 : index
            affine.for %i = 0 to 8 {
              %j = affine.apply affine_map<(d0) -> (d0 + 1)>(%i)
              %v = affine.load %A[%j] : memref<16xf32>
              affine.store %v, %A[%n] : memref<16xf32>
            }
            affine.for %i = 0 to 0 {
              affine.store %f0, %A[%i] : memref<16xf32>
            }
            return
          }
          """));

  @Override
  public PassInfo info() {
    return INFO;
  }

  @Override
  public Operation run(Operation op, PassContext context) {
    Canonicalizer.Options options = new Canonicalizer.Options(
        context.option(MAX_ITERATIONS), context.option(PROMOTE_SINGLE_ITERATION));
    if (options.maxIterations() < 1) {
      throw context.failure(op, "max-iterations must be at least 1, got "
          + options.maxIterations());
    }
    return new Canonicalizer(options).run(op);
  }
}
