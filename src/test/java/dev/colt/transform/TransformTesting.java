// Shared assertions for transformation tests: results equal the reference interpreter's within tolerance.
package dev.colt.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.analysis.LoopForest;
import dev.colt.analysis.LoopHandles;
import dev.colt.ir.Operation;
import dev.colt.testkit.ReferenceInterpreter;
import java.util.List;
import java.util.Optional;

final class TransformTesting {
  private TransformTesting() {}

  /** Asserts that {@code after} computes what {@code before} does (relative tolerance 1e-4). */
  static void assertSameResults(Operation before, Operation after) {
    List<double[]> expected = ReferenceInterpreter.runOnPatterns(before);
    List<double[]> actual = ReferenceInterpreter.runOnPatterns(after);
    assertEquals(expected.size(), actual.size());
    for (int a = 0; a < expected.size(); a++) {
      double[] e = expected.get(a);
      double[] r = actual.get(a);
      for (int i = 0; i < e.length; i++) {
        double tol = 1e-4 * Math.max(1, Math.abs(e[i]));
        assertTrue(Math.abs(e[i] - r[i]) <= tol,
            "arg " + a + " element " + i + ": expected " + e[i] + " got " + r[i]);
      }
    }
  }

  /** Applies {@code t}, asserting it is accepted and preserves results; returns the new IR. */
  static Operation applyChecked(Operation func, LoopTransform t) {
    Operation named = LoopHandles.assign(func);
    Optional<Refusal> r = t.check(named);
    assertTrue(r.isEmpty(), () -> t + " refused: " + r.get().detail());
    Operation out = t.apply(named);
    assertSameResults(func, out);
    return out;
  }

  static List<String> loopNames(Operation func) {
    return LoopForest.of(func).loops().stream().map(l -> LoopHandles.nameOf(l.op())).toList();
  }
}
