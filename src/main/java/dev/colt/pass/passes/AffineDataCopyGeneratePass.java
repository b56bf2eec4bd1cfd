// The affine-data-copy-generate pass: copies the blocks of read-only memref arguments a loop reads into local buffers.
package dev.colt.pass.passes;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Pack;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Pack} (the search's {@code pack} action) at one loop or at every outermost loop, for
 * one memref argument or for each; refusals are remarks on the loop.
 */
public final class AffineDataCopyGeneratePass implements Pass {
  static final PassOption<String> LOOP = PassOption.ofString("loop", "",
      "Handle of the loop whose reads are copied (loops are named by nest position: i, j, k, "
          + "...; tiling adds .tile and .point); empty means every outermost loop.");
  static final PassOption<Integer> ARG = PassOption.ofInt("arg", -1,
      "Position of the memref argument to copy; -1 means every memref argument the loop reads.");
  static final PassOption<Long> STRIP_WIDTH = PassOption.ofLong("strip-width", 0,
      "0 copies the block row-major; S > 0 cuts dimension strip-dim into strips of S, each "
          + "strip holding the whole block in the other dimensions (for the last dimension: the "
          + "panel layout of a register tile S columns wide).");
  static final PassOption<Integer> STRIP_DIM = PassOption.ofInt("strip-dim", -1,
      "The dimension cut into strips; negative counts from the end (-1: the last). 0 for a "
          + "matrix puts strip-width rows side by side for each column.");

  static final PassInfo INFO = new PassInfo("affine-data-copy-generate",
      "Copy the blocks of memrefs a loop reads into local buffers",
      """
      For the chosen loop and memref argument, computes the block of the memref the loop reads \
      (from its affine subscripts and the bounds of the loops inside it), allocates a 64-byte \
      aligned buffer of that size before the loop, copies the block into it, makes the loop read \
      the buffer and frees it after the loop. With strip-width=S the buffer holds the block's \
      columns in strips of S: block element (x, .., y) is at buf[y floordiv S, x, .., y mod S], so \
      the S-wide panel an inner loop reads at each step is contiguous; strip-dim=0 cuts the rows \
      instead (buf[x floordiv S, .., y, x mod S]), putting the S rows a register tile broadcasts \
      from side by side. Only memrefs the loop does \
      not write are copied; a written memref, accesses whose blocks start at different outer \
      offsets, loops without constant trip counts, and strips that an access would straddle are \
      refused with a remark. Replays as the schedule action 'pack L arg=N [strip=S [dim=D]]'.""",
      PassInfo.Anchor.FUNCTION, List.of(LOOP, ARG, STRIP_WIDTH, STRIP_DIM),
      new PassInfo.Example("loop=i arg=1 strip-width=4", """
          func.func @f(%A: memref<4x8xf32>, %B: memref<8x8xf32>, %C: memref<4x8xf32>) {
            affine.for %i = 0 to 4 {
              affine.for %k = 0 to 8 {
                affine.for %j = 0 to 8 {
                  %a = affine.load %A[%i, %k] : memref<4x8xf32>
                  %b = affine.load %B[%k, %j] : memref<8x8xf32>
                  %c = affine.load %C[%i, %j] : memref<4x8xf32>
                  %p = arith.mulf %a, %b : f32
                  %s = arith.addf %c, %p : f32
                  affine.store %s, %C[%i, %j] : memref<4x8xf32>
                }
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
    String loop = context.option(LOOP);
    int arg = context.option(ARG);
    long strip = context.option(STRIP_WIDTH);
    int dim = context.option(STRIP_DIM);
    List<dev.colt.ir.Value> args = func.body().arguments();
    if (arg < -1 || arg >= args.size() || (arg >= 0 && !(args.get(arg).type()
        instanceof MemRefType))) {
      throw context.failure(func, "arg=" + arg + " is not the position of a memref argument");
    }
    return LoopPasses.withHandles(func, named -> {
      List<String> loops = new ArrayList<>();
      if (loop.isEmpty()) {
        for (LoopForest.Loop root : LoopForest.of(named).roots()) {
          loops.add(LoopHandles.nameOf(root.op()));
        }
      } else if (LoopHandles.find(named, loop) == null) {
        throw context.failure(func, "no loop named '" + loop + "'");
      } else {
        loops.add(loop);
      }
      Operation cur = named;
      for (String l : loops) {
        for (int a = 0; a < args.size(); a++) {
          if ((arg == -1 && args.get(a).type() instanceof MemRefType) || a == arg) {
            cur = LoopPasses.attemptOrRemark(cur, context, new Pack(l, a, strip, dim),
                LoopHandles.find(cur, l), arg == -1);
          }
        }
      }
      return cur;
    });
  }
}
