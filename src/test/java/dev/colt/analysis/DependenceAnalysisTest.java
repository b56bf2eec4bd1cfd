// Tests dependence analysis: direction and distance vectors on matmul, stencils, triangular loops.
package dev.colt.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import dev.colt.testkit.VariedPrograms;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DependenceAnalysisTest {

  private static Set<String> vectors(DependenceAnalysis da) {
    Set<String> out = new TreeSet<>();
    for (Dependence d : da.dependences()) {
      for (DirectionVector v : d.vectors()) {
        out.add(d.kind() + ":" + v);
      }
    }
    return out;
  }

  @Test
  void matmulCarriesOnlyOnK() {
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.matmul(16, 16, 16));
    List<LoopForest.Loop> loops = da.forest().loops();
    assertEquals(3, loops.size());
    // C[i,j] load/store: flow (load after store) and anti (store after load) carried by k.
    assertEquals(Set.of("ANTI:==<", "ANTI:===", "FLOW:==<", "OUTPUT:==<"), vectors(da));
    assertTrue(da.isParallel(loops.get(0)));
    assertTrue(da.isParallel(loops.get(1)));
    assertFalse(da.isParallel(loops.get(2)));
    assertTrue(da.isPermutable(loops));
    for (Dependence d : da.dependences()) {
      assertEquals(0L, d.distance().get(0));
      assertEquals(0L, d.distance().get(1));
    }
  }

  @Test
  void gaussSeidelHasForwardAndSkewedDependences() {
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.gaussSeidel(10));
    Set<String> v = vectors(da);
    // A[i-1,j] read after A[i,j] written one i earlier: flow "<=" ; A[i,j+1] read before the
    // write at j+1: anti "=<"; A[i+1,j] read before the write: anti "<=".
    assertTrue(v.contains("FLOW:<="), v.toString());
    assertTrue(v.contains("FLOW:=<"), v.toString());
    assertTrue(v.contains("ANTI:=<"), v.toString());
    assertTrue(v.contains("ANTI:<="), v.toString());
    assertTrue(v.stream().noneMatch(s -> s.endsWith(">") && s.contains("<>")), v.toString());
    List<LoopForest.Loop> loops = da.forest().loops();
    assertFalse(da.isParallel(loops.get(0)));
    assertFalse(da.isParallel(loops.get(1)));
    assertTrue(da.isPermutable(loops));
  }

  @Test
  void skewedRecurrenceIsNotPermutable() {
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.skewedRecurrence(8));
    Set<String> v = vectors(da);
    assertTrue(v.contains("FLOW:<>"), v.toString());
    assertFalse(da.isPermutable(da.forest().loops()));
    Dependence flow = da.dependences().stream()
        .filter(d -> d.kind() == Dependence.Kind.FLOW).findFirst().orElseThrow();
    assertEquals(List.of(1L, -1L), flow.distance());
  }

  @Test
  void recurrenceIsCarriedWithDistanceOne() {
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.recurrence(32));
    LoopForest.Loop i = da.forest().loops().get(0);
    List<Dependence> carried = da.carriedBy(i);
    assertEquals(1, carried.size());
    assertEquals(Dependence.Kind.FLOW, carried.get(0).kind());
    assertEquals(List.of(1L), carried.get(0).distance());
  }

  @Test
  void elementwiseIsFullyParallel() {
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.elementwise(8, 8));
    assertTrue(da.dependences().isEmpty());
    for (LoopForest.Loop l : da.forest().loops()) {
      assertTrue(da.isParallel(l));
    }
  }

  @Test
  void triangularReductionOverJ() {
    Operation f = Kernels.triangular(12);
    DependenceAnalysis da = DependenceAnalysis.of(f);
    List<LoopForest.Loop> loops = da.forest().loops();
    assertTrue(da.isParallel(loops.get(0)));
    assertFalse(da.isParallel(loops.get(1)));
    assertEquals(java.util.OptionalLong.empty(), da.bounds().constantTripCount(loops.get(1).op()));
    assertEquals(new Interval(0, 11), da.bounds().ivRange(loops.get(1).op()));
    List<Reductions.MemoryReduction> reds =
        Reductions.memoryReductions(da.forest(), da.accesses(), loops.get(1));
    assertEquals(1, reds.size());
    assertEquals("add", reds.get(0).kind());
  }

  @Test
  void dotRecognizesIterArgReduction() {
    LoopForest forest = LoopForest.of(Kernels.dot(64));
    LoopForest.Loop loop = forest.loops().get(0);
    List<Reductions.IterArgReduction> reds = Reductions.iterArgReductions(forest, loop);
    assertEquals(1, reds.size());
    assertEquals(0, reds.get(0).index());
    assertEquals(64, new LoopBounds(forest).constantTripCount(loop.op()).getAsLong());
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.dot(64));
    assertFalse(da.isParallel(da.forest().loops().get(0)));
  }

  @Test
  void matmulReductionOverKOnly() {
    DependenceAnalysis da = DependenceAnalysis.of(Kernels.matmul(8, 8, 8));
    List<LoopForest.Loop> loops = da.forest().loops();
    assertEquals(1, Reductions.memoryReductions(da.forest(), da.accesses(), loops.get(2)).size());
    assertEquals(0, Reductions.memoryReductions(da.forest(), da.accesses(), loops.get(0)).size());
    assertEquals(List.of(loops), da.forest().bands());
  }

  @Test
  void dependencesBetweenAreTheFullListFilteredToPairsAcrossTheGroups() throws IOException {
    for (Operation p : VariedPrograms.withManyAccessPairs()) {
      // Two ways to split the accesses: every other one, and the first root nest against the rest.
      DependenceAnalysis probe = DependenceAnalysis.uncached(p);
      List<Access> all = probe.accesses();
      LoopForest.Loop firstNest = probe.forest().roots().isEmpty() ? null
          : probe.forest().roots().get(0);
      List<Predicate<Access>> splits = List.of(
          a -> all.indexOf(a) % 2 == 0,
          a -> firstNest != null && a.loops().contains(firstNest));
      for (Predicate<Access> x : splits) {
        DependenceAnalysis da = DependenceAnalysis.uncached(p);
        List<Dependence> between = da.dependencesBetween(x, x.negate());
        List<Dependence> expected = da.dependences().stream()
            .filter(d -> x.test(d.source()) != x.test(d.sink())).toList();
        assertEquals(expected, between);
        // Once the full list exists, the answer is taken from it: still the same.
        assertEquals(expected, da.dependencesBetween(x, x.negate()));
        assertEquals(expected, da.dependencesBetween(x.negate(), x));
      }
    }
  }

  /** A dependence as text that does not depend on which analysis object found it. */
  private static String key(DependenceAnalysis da, Dependence d) {
    return da.forest().position(d.source().op()) + "->" + da.forest().position(d.sink().op())
        + " " + d.describe() + " " + d.distance();
  }

  @Test
  void analysisOfTheAccessesUnderAScopeIsTheFullOneRestrictedToIt() {
    for (Operation p : VariedPrograms.withManyAccessPairs()) {
      DependenceAnalysis full = DependenceAnalysis.uncached(p);
      for (LoopForest.Loop scope : full.forest().loops()) {
        DependenceAnalysis scoped = DependenceAnalysis.uncachedAccessesUnder(p, scope.op());
        assertEquals(full.accesses().stream().map(Access::op)
                .filter(op -> full.forest().isInside(op, scope.op())).toList(),
            scoped.accesses().stream().map(Access::op).toList());
        assertEquals(full.dependences().stream()
                .filter(d -> full.forest().isInside(d.source().op(), scope.op())
                    && full.forest().isInside(d.sink().op(), scope.op()))
                .map(d -> key(full, d)).toList(),
            scoped.dependences().stream().map(d -> key(scoped, d)).toList());
      }
    }
  }
}
