// The affine-loop-tile pass: tiles the outermost band of every loop nest.
package dev.colt.pass.passes;

import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Tile;
import java.util.List;
import java.util.Optional;

/** Runs {@link Tile} on the outermost band of each nest; refusals are remarks. */
public final class LoopTilePass implements Pass {
  static final PassOption<List<Integer>> TILE_SIZES = PassOption.ofIntList("tile-sizes",
      List.of(32, 32, 32), "Tile size of each loop of the band, outermost first; a band with more "
          + "loops than sizes is tiled in its outer loops only.");

  static final PassInfo INFO = new PassInfo("affine-loop-tile",
      "Tile the outermost perfectly nested band of each loop nest",
      """
      Each loop x of the band becomes a tile loop stepping by its tile size and a point loop over \
      one tile, bounded by min(tile start + size, upper bound) when the size does not divide the \
      trip count. Tile loops enclose point loops. Bands that are not fully permutable (a \
      dependence would be reversed) are left alone with a remark.""",
      PassInfo.Anchor.FUNCTION, List.of(TILE_SIZES),
      new PassInfo.Example("tile-sizes=4,4", """
          func.func @f(%A: memref<8x10xf32>) {
            affine.for %i = 0 to 8 {
              affine.for %j = 0 to 10 {
                %v = affine.load %A[%i, %j] : memref<8x10xf32>
                %w = arith.addf %v, %v : f32
                affine.store %w, %A[%i, %j] : memref<8x10xf32>
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
    List<Integer> sizes = context.option(TILE_SIZES);
    if (sizes.isEmpty()) {
      throw context.failure(func, "tile-sizes must not be empty");
    }
    return LoopPasses.applyToOuterBands(func, context, band -> {
      int n = Math.min(band.size(), sizes.size());
      return Optional.of(new Tile(band.subList(0, n),
          sizes.subList(0, n).stream().map(Integer::longValue).toList()));
    });
  }
}
