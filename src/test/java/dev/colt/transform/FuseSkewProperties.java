// Properties: accepted fusions, skews and normalizations of random nests preserve the reference interpreter's results.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import dev.colt.testkit.RandomNests;
import dev.colt.testkit.ReferenceInterpreter;
import dev.colt.testkit.VariedPrograms;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class FuseSkewProperties {

  private static boolean sameResults(Operation a, Operation b) {
    return ReferenceInterpreter.sameResults(a, b, 1e-4);
  }

  @Property(tries = 250)
  void acceptedFusionsPreserveResults(@ForAll long seed) {
    Operation f = LoopHandles.assign(RandomNests.generatePair(new Random(seed)));
    List<LoopForest.Loop> roots = LoopForest.of(f).roots();
    String first = LoopHandles.nameOf(roots.get(0).op());
    String second = LoopHandles.nameOf(roots.get(1).op());
    int depth = Fuse.shapeDepth(f, first, second);
    assertTrue(depth >= 1);
    for (int d = 1; d <= depth; d++) {
      Fuse fuse = new Fuse(first, second, d);
      Optional<Refusal> r = fuse.check(f);
      Statistics.label("fusion").collect(r.map(Refusal::shortMessage).orElse("accepted"));
      if (r.isEmpty()) {
        Operation out = fuse.apply(f);
        assertTrue(sameResults(f, out), () -> "fusing at depth " + fuse.depth()
            + " changed the results");
        assertEquals(roots.size() - 1, LoopForest.of(out).roots().size());
        fuseInnerSiblings(f, out);
      }
    }
  }

  @Property(tries = 150)
  void fusionCheckAgreesWithTheFullDependenceAnalysisOnRandomPairs(@ForAll long seed) {
    Operation f = LoopHandles.assign(RandomNests.generatePair(new Random(seed)));
    assertChecksAgreeOnAdjacentNests(f);
    // Fused at the outer level, the inner nests become adjacent siblings: check those too.
    List<LoopForest.Loop> roots = LoopForest.of(f).roots();
    Fuse outer = new Fuse(LoopHandles.nameOf(roots.get(0).op()),
        LoopHandles.nameOf(roots.get(1).op()), 1);
    if (outer.check(f).isEmpty()) {
      assertChecksAgreeOnAdjacentNests(LoopHandles.assign(outer.apply(f)));
    }
  }

  @Test
  void fusionCheckAgreesWithTheFullDependenceAnalysisOnKernelVariants() {
    for (Operation f : VariedPrograms.withManyAccessPairs()) {
      assertChecksAgreeOnAdjacentNests(f);
    }
  }

  /** Fuse's check and its full-analysis reference give one verdict for every adjacent nest pair. */
  private static void assertChecksAgreeOnAdjacentNests(Operation f) {
    LoopForest forest = LoopForest.of(f);
    List<List<LoopForest.Loop>> siblings = new java.util.ArrayList<>();
    siblings.add(forest.roots());
    forest.loops().forEach(l -> siblings.add(l.children()));
    for (List<LoopForest.Loop> nests : siblings) {
      for (int i = 0; i + 1 < nests.size(); i++) {
        String first = LoopHandles.nameOf(nests.get(i).op());
        String second = LoopHandles.nameOf(nests.get(i + 1).op());
        for (int d = 1; d <= Fuse.shapeDepth(f, first, second) + 1; d++) {
          Fuse fuse = new Fuse(first, second, d);
          assertEquals(verdict(fuse.checkByFullAnalysis(f)), verdict(fuse.check(f)),
              () -> fuse + " on " + f);
        }
      }
    }
  }

  private static String verdict(Optional<Refusal> r) {
    return r.map(x -> x.shortMessage() + ": " + x.detail()).orElse("accepted");
  }

  /** After an outer fusion, the inner nests now side by side fuse too when legal. */
  private static void fuseInnerSiblings(Operation original, Operation fused) {
    List<LoopForest.Loop> inner = LoopForest.of(fused).roots().get(0).children();
    if (inner.size() != 2) {
      return;
    }
    String a = LoopHandles.nameOf(inner.get(0).op());
    String b = LoopHandles.nameOf(inner.get(1).op());
    int depth = Fuse.shapeDepth(fused, a, b);
    if (depth == 0) {
      return;
    }
    Fuse fuse = new Fuse(a, b, depth);
    Optional<Refusal> r = fuse.check(fused);
    Statistics.label("inner fusion").collect(r.map(Refusal::shortMessage).orElse("accepted"));
    if (r.isEmpty()) {
      assertTrue(sameResults(original, fuse.apply(fused)), () -> "then " + fuse
          + " changed the results");
    }
  }

  @Property(tries = 60)
  void skewThenNormalizePreservesResults(@ForAll long seed) {
    Random random = new Random(seed);
    Operation f = LoopHandles.assign(RandomNests.generate(random));
    List<LoopForest.Loop> loops = LoopForest.of(f).loops();
    if (loops.size() < 2) {
      return;
    }
    LoopForest.Loop inner = loops.get(1 + random.nextInt(loops.size() - 1));
    LoopForest.Loop outer = inner.path().get(random.nextInt(inner.depth()));
    long factor = random.nextBoolean() ? 1 + random.nextInt(3) : -1 - random.nextInt(3);
    Skew skew = new Skew(LoopHandles.nameOf(outer.op()), LoopHandles.nameOf(inner.op()), factor);
    assertTrue(skew.check(f).isEmpty(), () -> skew.check(f).get().detail());
    Operation out = skew.apply(f);
    assertTrue(sameResults(f, out), () -> skew + " changed the results");
    Permute swap = new Permute(List.of(skew.inner(), skew.outer()));
    Optional<Refusal> swapRefusal = swap.check(out);
    Statistics.label("interchange after skew").collect(
        swapRefusal.map(Refusal::shortMessage).orElse("accepted"));
    if (swapRefusal.isEmpty()) {
      Operation swapped = swap.apply(out);
      assertTrue(sameResults(f, swapped), () -> skew + " then " + swap + " changed the results");
    }
    for (LoopForest.Loop l : LoopForest.of(out).loops()) {
      Normalize n = new Normalize(LoopHandles.nameOf(l.op()));
      if (n.check(out).isEmpty()) {
        out = n.apply(out);
      }
    }
    Operation normalized = out;
    assertTrue(sameResults(f, normalized), () -> "normalizing after " + skew
        + " changed the results");
  }

  /** The seeded illegal fusion: refused, and forcing the rewrite really changes the results. */
  @Test
  void readBeforeWriteFusionIsRefusedAndWouldChangeResults() {
    Operation f = LoopHandles.assign(FuseTest.func("""
        func.func @rbw(%A: memref<9xf32>, %C: memref<8xf32>) {
          affine.for %i = 0 to 8 {
            %a = affine.load %A[%i] : memref<9xf32>
            %b = arith.addf %a, %a : f32
            affine.store %b, %A[%i] : memref<9xf32>
          }
          affine.for %i = 0 to 8 {
            %a = affine.load %A[%i + 1] : memref<9xf32>
            affine.store %a, %C[%i] : memref<8xf32>
          }
          return
        }
        """));
    Fuse fuse = new Fuse("i", "i2", 1);
    assertEquals("fusion would read before write", fuse.check(f).orElseThrow().shortMessage());
    assertFalse(sameResults(f, fuse.rewrite(f)));
  }

  /** Interchanging the anti-diagonal recurrence is refused; after skewing it is accepted. */
  @Test
  void skewMakesTheRecurrenceInterchangeable() {
    Operation f = LoopHandles.assign(Kernels.skewedRecurrence(8));
    assertTrue(new Permute(List.of("j", "i")).check(f).isPresent());
    Operation skewed = new Skew("i", "j", 1).apply(f);
    Operation swapped = TransformTesting.applyChecked(skewed, new Permute(List.of("j", "i")));
    assertEquals(List.of("j", "i"), TransformTesting.loopNames(swapped));
    assertTrue(sameResults(f, swapped));
  }
}
