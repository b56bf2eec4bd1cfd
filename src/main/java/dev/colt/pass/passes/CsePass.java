// The cse pass: merges equal side-effect-free ops that dominate one another.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.transform.cleanup.CommonSubexpressionEliminator;
import java.util.List;

/** Runs {@link CommonSubexpressionEliminator} on each function. */
public final class CsePass implements Pass {
  static final PassInfo INFO = new PassInfo("cse",
      "Eliminate common subexpressions",
      """
      Replaces a side-effect-free op without regions by an earlier op with the same name, \
      operands, attributes and result types when the earlier op dominates it (it comes before it \
      in the same block or in a block enclosing it). Loads and other ops touching memory are \
      left alone.""",
      PassInfo.Anchor.FUNCTION, List.of(),
      new PassInfo.Example("", """
          func.func @f(%A: memref<8x8xf32>, %x: f32) {
            affine.for %i = 0 to 8 {
              %a = arith.mulf %x, %x : f32
              %b = arith.mulf %x, %x : f32
              %s = arith.addf %a, %b : f32
              affine.store %s, %A[%i, %i] : memref<8x8xf32>
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
    return CommonSubexpressionEliminator.run(op).op();
  }
}
