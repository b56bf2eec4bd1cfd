// The affine-loop-unroll-jam pass: unroll-and-jam of the outermost loop of each band.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.UnrollAndJam;
import java.util.List;

/** Runs {@link UnrollAndJam} on the head of every band of two or more loops. */
public final class LoopUnrollAndJamPass implements Pass {
  static final PassOption<Integer> FACTOR = PassOption.ofInt("unroll-jam-factor", 4,
      "How many iterations of the outer loop are jammed into the innermost loop of its band.");

  static final PassInfo INFO = new PassInfo("affine-loop-unroll-jam",
      "Unroll outer loops and jam the copies into the innermost loop",
      """
      For the outermost loop of each perfectly nested band of at least two loops: unrolls it by \
      the factor and fuses the copies inside the band's innermost loop. Refused, with a remark, \
      for variable trip counts, inner bounds that use the outer loop, and dependences that \
      jamming would reverse (a (<, >) direction pair).""",
      PassInfo.Anchor.FUNCTION, List.of(FACTOR),
      new PassInfo.Example("unroll-jam-factor=2", """
          func.func @f(%A: memref<4x8xf32>, %B: memref<8xf32>) {
            affine.for %i = 0 to 4 {
              affine.for %j = 0 to 8 {
                %a = affine.load %A[%i, %j] : memref<4x8xf32>
                %b = affine.load %B[%j] : memref<8xf32>
                %c = arith.mulf %a, %b : f32
                affine.store %c, %A[%i, %j] : memref<4x8xf32>
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
    if (factor < 1) {
      throw context.failure(func, "unroll-jam-factor must be at least 1, got " + factor);
    }
    if (factor == 1) {
      return func;
    }
    return LoopPasses.applyToLoops(func, context,
        f -> f.bands().stream().filter(b -> b.size() >= 2).map(b -> b.get(0)).toList(),
        name -> new UnrollAndJam(name, factor), false);
  }
}
