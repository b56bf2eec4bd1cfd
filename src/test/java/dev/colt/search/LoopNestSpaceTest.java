// Tests of the loop-nest search space's lazy menu queries and caches.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Operation;
import dev.colt.schedule.Action;
import dev.colt.schedule.Machine;
import dev.colt.testkit.Kernels;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopNestSpaceTest {
  private static Operation tiled(LoopNestSpace space) throws IllegalActionException {
    return space.apply(space.root(), new Action.Tile(List.of("i", "j", "k"), List.of(4L, 4L, 4L)));
  }

  @Test
  void randomLegalActionsWithoutAMenuAreOnTheMenuAndCoverIt() throws Exception {
    LoopNestSpace lazy = new LoopNestSpace(Kernels.matmul(16, 16, 16), Machine.host());
    LoopNestSpace full = new LoopNestSpace(Kernels.matmul(16, 16, 16), Machine.host());
    List<Action> menu = full.legalActions(tiled(full));
    Operation p = tiled(lazy);
    Random random = new Random(3);
    Set<Action> seen = new HashSet<>();
    for (int i = 0; i < 40 * menu.size(); i++) {
      Action a = lazy.randomLegalAction(p, random).orElseThrow();
      assertTrue(menu.contains(a), a.text());
      seen.add(a);
    }
    assertEquals(new HashSet<>(menu), seen);
  }

  @Test
  void alternativesAreTheMenuEntriesWithTheSameDecision() throws Exception {
    LoopNestSpace lazy = new LoopNestSpace(Kernels.matmul(64, 64, 64), Machine.host());
    LoopNestSpace full = new LoopNestSpace(Kernels.matmul(64, 64, 64), Machine.host());
    Action tile = new Action.Tile(List.of("i", "j", "k"), List.of(4L, 4L, 4L));
    List<Action> expected = full.legalActions(full.root()).stream()
        .filter(a -> full.decisionKey(a).equals(full.decisionKey(tile)) && !a.equals(tile))
        .toList();
    assertTrue(expected.size() >= 2, expected.toString());
    assertEquals(expected, lazy.legalAlternatives(lazy.root(), tile));
  }

  @Test
  void applyingTwiceGivesTheSameProgramObject() throws Exception {
    LoopNestSpace space = new LoopNestSpace(Kernels.matmul(16, 16, 16), Machine.host());
    assertSame(tiled(space), tiled(space));
  }
}
