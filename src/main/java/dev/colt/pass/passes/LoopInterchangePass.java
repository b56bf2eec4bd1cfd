// The affine-loop-interchange pass: permutes the loops of every outermost band of the right depth.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Permute;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Runs {@link Permute} on each outermost band with as many loops as the permutation. */
public final class LoopInterchangePass implements Pass {
  static final PassOption<List<Integer>> PERMUTATION = PassOption.ofIntList("permutation",
      List.of(1, 0), "New position of each loop of the band (MLIR's permuteLoops convention): "
          + "loop i of the band moves to depth permutation[i].");

  static final PassInfo INFO = new PassInfo("affine-loop-interchange",
      "Permute the loops of perfectly nested bands",
      """
      Applies the permutation to the outermost band of each loop nest whose depth is at least the \
      permutation's length (its outer loops). Refused, with a remark, when a dependence direction \
      vector would become lexicographically negative or a loop's bounds use a loop that would \
      move inside it.""",
      PassInfo.Anchor.FUNCTION, List.of(PERMUTATION),
      new PassInfo.Example("permutation=1,0", """
          func.func @f(%A: memref<8x8xf32>, %B: memref<8x8xf32>) {
            affine.for %i = 0 to 8 {
              affine.for %j = 0 to 8 {
                %v = affine.load %A[%j, %i] : memref<8x8xf32>
                affine.store %v, %B[%i, %j] : memref<8x8xf32>
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
    List<Integer> perm = context.option(PERMUTATION);
    int n = perm.size();
    if (n < 2 || !new HashSet<>(perm).equals(new HashSet<>(
        java.util.stream.IntStream.range(0, n).boxed().toList()))) {
      throw context.failure(func, "permutation must be a permutation of 0.." + (n - 1)
          + ", got " + perm);
    }
    return LoopPasses.applyToOuterBands(func, context, band -> {
      if (band.size() < n) {
        return Optional.empty();
      }
      String[] order = new String[n];
      for (int i = 0; i < n; i++) {
        order[perm.get(i)] = band.get(i);
      }
      return Optional.of(new Permute(List.of(order)));
    });
  }
}
