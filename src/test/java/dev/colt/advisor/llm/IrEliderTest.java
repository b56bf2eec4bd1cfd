// Tests of IR trimming for prompts: structure stays, runs of body operations shrink to a comment.
package dev.colt.advisor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IrEliderTest {
  private static final String IR = """
      func.func @f(%m: memref<8xf32>) {
        affine.for %i = 0 to 8 {
          %a = affine.load %m[%i] : memref<8xf32>
          %b = arith.addf %a, %a : f32
          %c = arith.mulf %b, %b : f32
          %d = arith.subf %c, %a : f32
          %e = arith.divf %d, %b : f32
          affine.if #set(%i) {
            affine.store %e, %m[%i] : memref<8xf32>
          } else {
            affine.store %a, %m[%i] : memref<8xf32>
          }
        } {colt.loop = "i"}
        return
      }""";

  @Test
  void levelZeroKeepsTheText() {
    assertEquals(IR, IrElider.elide(IR, 0, 3));
  }

  @Test
  void levelOneKeepsTheFirstOpsOfEachRunAndAllStructure() {
    String out = IrElider.elide(IR, 1, Integer.MAX_VALUE);
    assertTrue(out.contains("%c = arith.mulf"));
    assertFalse(out.contains("%d = arith.subf"));
    assertTrue(out.contains("    // ... 2 ops\n    affine.if #set(%i) {"), out);
    assertTrue(out.contains("} else {"));
    assertTrue(out.contains("affine.store %a"), "a run of one op is kept whole");
  }

  @Test
  void levelTwoKeepsStructureOnlyAndLevelThreeCutsLines() {
    String out = IrElider.elide(IR, 2, Integer.MAX_VALUE);
    assertTrue(out.contains("    // ... 5 ops"), out);
    assertTrue(out.contains("} {colt.loop = \"i\"}"));
    assertFalse(out.contains("affine.load"));
    String cut = IrElider.elide(IR, 3, 2);
    assertEquals(3, cut.lines().count());
    assertTrue(cut.endsWith("// ... 9 more lines"), cut);
  }
}
