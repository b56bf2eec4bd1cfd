// Tests packing: the B panel of a tiled matmul copied into an aligned buffer, row-major or in strips, and refusals.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LoopHandles;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.testkit.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackTest {

  /** The register-tiled matmul of the schedules, small: 8-wide vectors, 16-column panels. */
  private static Operation registerTiledMatmul() {
    Operation t = new Tile(List.of("i", "j", "k"), List.of(4L, 32L, 8L))
        .apply(Kernels.matmul(8, 32, 16));
    t = new Tile(List.of("i.point", "j.point"), List.of(2L, 16L)).apply(t);
    t = new Permute(List.of("i.point.point", "k.point", "j.point.point")).apply(t);
    t = new Vectorize("j.point.point", 8).apply(t);
    t = new Unroll("j.point.point", Unroll.FULL).apply(t);
    return t;
  }

  @Test
  void packsTheBPanelOfATiledMatmul() {
    Operation t = new Tile(List.of("i", "j", "k"), List.of(4L, 8L, 4L))
        .apply(Kernels.matmul(8, 16, 8));
    // Packing before k.tile copies B's rows for every k tile (8 x 8); before i.point, one panel.
    Operation whole = TransformTesting.applyChecked(t, new Pack("k.tile", 1));
    assertEquals(MemRefType.of(dev.colt.ir.FloatType.F32, 8, 8), whole.nestedOps().stream()
        .filter(o -> o.is("memref.alloc")).findFirst().orElseThrow().result().type());
    Operation out = TransformTesting.applyChecked(t, new Pack("i.point", 1));
    Operation alloc = out.nestedOps().stream().filter(o -> o.is("memref.alloc")).findFirst()
        .orElseThrow();
    assertEquals(MemRefType.of(dev.colt.ir.FloatType.F32, 4, 8), alloc.result().type());
    Operation kp = LoopHandles.find(out, "k.point");
    assertTrue(AffineOps.bodyOps(kp).stream().anyMatch(o -> o.is(AffineOps.LOAD)
        && AffineOps.accessMemref(o) == alloc.result()));
    assertEquals(List.of(), Verifier.verify(ModuleOp.create(List.of(out))));
    Operation before = ModuleOp.create(List.of(Kernels.matmul(8, 16, 8)));
    Operation after = ModuleOp.create(List.of(out));
    assertTrue(Checksums.differences(
        Checksums.lines(Interpreter.runWithPatternInputs(before, "matmul")),
        Checksums.lines(Interpreter.runWithPatternInputs(after, "matmul")), 1e-5).isEmpty());
  }

  @Test
  void stripLayoutStoresEachColumnPanelContiguouslyAndComputesTheSame() {
    Operation t = registerTiledMatmul();
    Operation out = TransformTesting.applyChecked(t, new Pack("i.tile", 1, 16));
    Operation alloc = out.nestedOps().stream().filter(o -> o.is("memref.alloc")).findFirst()
        .orElseThrow();
    // i.tile is outermost: its block of B is all of it, 16 x 32, as 2 strips of 16 x 16.
    assertEquals(MemRefType.of(dev.colt.ir.FloatType.F32, 2, 16, 16), alloc.result().type());
    assertEquals(List.of("i.tile.copy0", "i.tile.copy1", "i.tile.copy2"),
        TransformTesting.loopNames(out).stream().filter(n -> n.contains("copy")).toList());
    Operation row = TransformTesting.applyChecked(t, new Pack("i.tile", 1));
    assertEquals(MemRefType.of(dev.colt.ir.FloatType.F32, 16, 32), row.nestedOps().stream()
        .filter(o -> o.is("memref.alloc")).findFirst().orElseThrow().result().type());
  }

  @Test
  void rowStripsPutTheRowsOfARegisterTileSideBySide() {
    Operation t = new UnrollAndJam("i.point.point", 2).apply(registerTiledMatmul());
    // A's 4 x 8 block under i.point.tile (rows of the i tile, columns of the k tile) in strips
    // of 2 rows.
    Operation out = TransformTesting.applyChecked(t, new Pack("i.point.tile", 0, 2, 0));
    Operation alloc = out.nestedOps().stream().filter(o -> o.is("memref.alloc")).findFirst()
        .orElseThrow();
    assertEquals(MemRefType.of(dev.colt.ir.FloatType.F32, 2, 8, 2), alloc.result().type());
    // B is read with vectors along its last dimension: strips of its rows would split them.
    assertTrue(new Pack("i.point.tile", 1, 2, 0).check(t).orElseThrow().detail()
        .contains("runs along the last dimension"));
    assertInstanceOf(Refusal.BadParameter.class, new Pack("i.point.tile", 0, 2, 5).check(t)
        .orElseThrow());
  }

  @Test
  void refusesStripsThatAccessesCrossOrThatDoNotDivideTheBlock() {
    Operation t = new Tile(List.of("i", "j", "k"), List.of(4L, 32L, 8L))
        .apply(Kernels.matmul(8, 32, 16));
    t = new Permute(List.of("i.point", "k.point", "j.point")).apply(t);
    t = new Vectorize("j.point", 8).apply(t);
    // 8-lane loads at every multiple of 8 columns: strips of 8 hold them, strips of 12 do not
    // divide the 32 columns, and a vector at column 8 crosses a strip of 4.
    assertTrue(new Pack("i.tile", 1, 8).check(t).isEmpty());
    assertTrue(new Pack("i.tile", 1, 12).check(t).orElseThrow().detail()
        .contains("is not a multiple of the strip width 12"));
    assertTrue(new Pack("i.tile", 1, 4).check(t).orElseThrow().detail()
        .contains("reaches across it"));
    // Scalar accesses are never split: any strip width that divides the block will do.
    Operation scalar = new Tile(List.of("i", "j", "k"), List.of(4L, 32L, 8L))
        .apply(Kernels.matmul(8, 32, 16));
    TransformTesting.applyChecked(scalar, new Pack("i.tile", 1, 4));
    assertInstanceOf(Refusal.BadParameter.class, new Pack("i.tile", 1, -2).check(t)
        .orElseThrow());
  }

  @Test
  void refusesWrittenMemrefsAndPartialTiles() {
    Operation t = new Tile(List.of("i", "j", "k"), List.of(4L, 8L, 4L))
        .apply(Kernels.matmul(8, 16, 8));
    assertInstanceOf(Refusal.UnsupportedShape.class, new Pack("k.tile", 2).check(t)
        .orElseThrow());
    Operation partial = new Tile(List.of("i", "j"), List.of(3L, 5L))
        .apply(Kernels.matmul(7, 9, 4));
    assertInstanceOf(Refusal.UnsupportedShape.class, new Pack("j.tile", 1).check(partial)
        .orElseThrow());
    assertInstanceOf(Refusal.BadParameter.class, new Pack("i", 7).check(Kernels.matmul(4, 4, 4))
        .orElseThrow());
  }
}
