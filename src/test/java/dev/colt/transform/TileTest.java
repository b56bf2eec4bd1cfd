// Tests tiling: names, partial tiles, preserved results, and the permutability requirement.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileTest {

  @Test
  void tilesMatmulEvenly() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(8, 8, 8),
        new Tile(List.of("i", "j", "k"), List.of(4L, 2L, 4L)));
    assertEquals(List.of("i.tile", "j.tile", "k.tile", "i.point", "j.point", "k.point"),
        TransformTesting.loopNames(out));
    Operation jp = LoopHandles.find(out, "j.point");
    assertEquals(1, AffineOps.upperMap(jp).numResults());
    assertEquals(2, AffineOps.step(LoopHandles.find(out, "j.tile")));
  }

  @Test
  void partialTilesUseMin() {
    Operation out = TransformTesting.applyChecked(Kernels.matmul(7, 5, 9),
        new Tile(List.of("i", "j"), List.of(4L, 3L)));
    assertEquals(2, AffineOps.upperMap(LoopHandles.find(out, "i.point")).numResults());
  }

  @Test
  void tilingThenPermutingTileLoopsIsLegal() {
    Operation t = TransformTesting.applyChecked(Kernels.matmul(8, 8, 8),
        new Tile(List.of("i", "j", "k"), List.of(4L, 4L, 4L)));
    TransformTesting.applyChecked(t, new Permute(List.of("i.tile", "k.tile", "j.tile")));
    TransformTesting.applyChecked(t, new Permute(List.of("i.point", "k.point", "j.point")));
  }

  @Test
  void gaussSeidelTilesButSkewedRecurrenceDoesNot() {
    TransformTesting.applyChecked(Kernels.gaussSeidel(10),
        new Tile(List.of("i", "j"), List.of(3L, 4L)));
    assertInstanceOf(Refusal.ViolatesDependence.class,
        new Tile(List.of("i", "j"), List.of(2L, 2L)).check(Kernels.skewedRecurrence(8))
            .orElseThrow());
  }

  @Test
  void aLoopCarryingIterArgsIsNotTiled() {
    Operation replaced = TransformTesting.applyChecked(Kernels.triangular(8),
        new ScalarReplace("j"));
    assertInstanceOf(Refusal.UnsupportedShape.class,
        new Tile(List.of("j"), List.of(4L)).check(replaced).orElseThrow());
  }

  @Test
  void tilesTheOuterLoopOfATriangularNest() {
    TransformTesting.applyChecked(Kernels.triangular(10), new Tile(List.of("i"), List.of(4L)));
  }

  @Test
  void aLoopWithIterArgsIsNotTiled() {
    // Tiling would drop the loop-carried value (the rewrite does not carry iter_args).
    Refusal r = new Tile(List.of("i"), List.of(4L)).check(Kernels.dot(16)).orElseThrow();
    assertInstanceOf(Refusal.UnsupportedShape.class, r);
  }
}
