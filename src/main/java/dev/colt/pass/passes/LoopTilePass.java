// The affine-loop-tile pass: tiles the outermost band of every loop nest.
package dev.colt.pass.passes;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.pass.Pass;
import dev.colt.pass.PassContext;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassOption;
import dev.colt.transform.Tile;
import java.util.ArrayList;
import java.util.List;

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
    boolean hadNames = !LoopHandles.names(func).isEmpty();
    Operation cur = LoopHandles.assign(func);
    List<List<String>> bands = new ArrayList<>();
    LoopForest forest = LoopForest.of(cur);
    for (LoopForest.Loop root : forest.roots()) {
      List<LoopForest.Loop> band = forest.bandFrom(root);
      int n = Math.min(band.size(), sizes.size());
      bands.add(band.subList(0, n).stream().map(l -> LoopHandles.nameOf(l.op())).toList());
    }
    for (List<String> band : bands) {
      List<Long> s = sizes.subList(0, band.size()).stream().map(Integer::longValue).toList();
      cur = LoopPasses.applyOnce(cur, context, new Tile(band, s), LoopHandles.find(cur,
          band.get(0)));
    }
    return hadNames ? cur : LoopHandles.strip(cur);
  }
}
