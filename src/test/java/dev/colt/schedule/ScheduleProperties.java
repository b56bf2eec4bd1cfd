// Properties: random sequences of accepted actions preserve interpreter results; refused actions would not.
package dev.colt.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.LoopHandles;
import dev.colt.analysis.StructuralHash;
import dev.colt.ir.Operation;
import dev.colt.testkit.Kernels;
import dev.colt.testkit.RandomNests;
import dev.colt.testkit.ReferenceInterpreter;
import dev.colt.transform.LoopTransform;
import dev.colt.transform.Permute;
import dev.colt.transform.Vectorize;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ScheduleProperties {

  private static boolean sameResults(Operation a, Operation b) {
    return ReferenceInterpreter.sameResults(a, b, 1e-3);
  }

  /** Applies up to {@code steps} random legal actions; returns the trace. */
  private static Trace randomTrace(Operation func, Random r, int steps) {
    return randomTrace(func, r, steps, false);
  }

  /** Like above; with {@code preferFusion} a legal fusion is taken half of the time. */
  private static Trace randomTrace(Operation func, Random r, int steps, boolean preferFusion) {
    Operation cur = LoopHandles.assign(func);
    Trace trace = new Trace(List.of());
    for (int s = 0; s < steps; s++) {
      List<Action> menu = ActionMenu.legalActions(cur, Machine.host());
      List<Action> fusions = menu.stream().filter(a -> a instanceof Action.Fuse).toList();
      if (preferFusion && !fusions.isEmpty() && r.nextBoolean()) {
        menu = fusions;
      }
      if (menu.isEmpty()) {
        break;
      }
      Action a = menu.get(r.nextInt(menu.size()));
      cur = a.transform().apply(cur);
      trace = trace.then(a);
    }
    return trace;
  }

  @Property(tries = 60)
  void acceptedActionsPreserveResults(@ForAll long seed) {
    Random r = new Random(seed);
    Operation func = RandomNests.generate(r);
    Trace trace = randomTrace(func, r, 1 + r.nextInt(4));
    Operation out = trace.replay(func);
    assertTrue(sameResults(func, out), () -> "results changed by\n" + trace.toText());
    assertEquals(StructuralHash.of(out), StructuralHash.of(trace.replay(func)));
  }

  @Property(tries = 40)
  void acceptedActionsPreserveResultsOnNestPairs(@ForAll long seed) {
    Random r = new Random(seed);
    Operation func = RandomNests.generatePair(r);
    Trace trace = randomTrace(func, r, 1 + r.nextInt(4), true);
    net.jqwik.api.statistics.Statistics.label("fused").collect(
        trace.actions().stream().anyMatch(a -> a instanceof Action.Fuse));
    Operation out = trace.replay(func);
    assertTrue(sameResults(func, out), () -> "results changed by\n" + trace.toText());
    assertEquals(StructuralHash.of(out), StructuralHash.of(trace.replay(func)));
  }

  @Property(tries = 15)
  void acceptedActionsPreserveMatmulAndStencils(@ForAll long seed) {
    Random r = new Random(seed);
    Operation func = switch (r.nextInt(4)) {
      case 0 -> Kernels.matmul(4 + r.nextInt(5), 8 + r.nextInt(9), 2 + r.nextInt(5));
      case 1 -> Kernels.gaussSeidel(5 + r.nextInt(5));
      case 2 -> Kernels.skewedRecurrence(5 + r.nextInt(6));
      default -> Kernels.triangular(5 + r.nextInt(6));
    };
    Trace trace = randomTrace(func, r, 1 + r.nextInt(3));
    assertTrue(sameResults(func, trace.replay(func)), () -> "results changed by\n"
        + trace.toText());
  }

  /** The seeded illegal cases: refused, and forcing the rewrite really changes the results. */
  @Test
  void refusedActionsWouldChangeResults() {
    Operation skew = LoopHandles.assign(Kernels.skewedRecurrence(8));
    LoopTransform swap = new Permute(List.of("j", "i"));
    assertTrue(swap.check(skew).isPresent());
    assertFalse(sameResults(skew, swap.rewrite(skew)));

    Operation rec = LoopHandles.assign(Kernels.recurrence(16));
    LoopTransform vec = new Vectorize("i", 4);
    assertTrue(vec.check(rec).isPresent());
    assertFalse(sameResults(rec, vec.rewrite(rec)));

    Operation gs = LoopHandles.assign(Kernels.gaussSeidel(8));
    assertTrue(ActionMenu.legalActions(gs, Machine.host()).stream()
        .noneMatch(a -> a.text().startsWith("parallelize")));
  }
}
