// Tests of the model-aware UCT score and child selection.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelAwarePolicyTest {
  private final Map<String, Double> sizes = Map.of("small", 1e9, "mid", 7e9, "large", 70e9);

  @Test
  void cheapnessIsOneForSmallestAndZeroForLargest() {
    ModelAwarePolicy p = new ModelAwarePolicy(0.5, 1.41, sizes);
    assertEquals(1.0, p.cheapness("small"), 1e-12);
    assertEquals(0.0, p.cheapness("large"), 1e-12);
    double expected = (Math.log(70e9) - Math.log(7e9)) / (Math.log(70e9) - Math.log(1e9));
    assertEquals(expected, p.cheapness("mid"), 1e-12);
  }

  @Test
  void scoreFollowsTheFormula() {
    ModelAwarePolicy p = new ModelAwarePolicy(0.3, 1.41, sizes);
    SearchNode<String> parent = new SearchNode<>(0, null, "p", List.of(), "p", "", "small");
    SearchNode<String> child = new SearchNode<>(1, parent, "c", List.of("a"), "c", "small", "mid");
    child.backup(0.5);
    child.backup(0.1);
    ValueRange range = new ValueRange();
    range.include(0.2);
    range.include(0.7);
    double q = (0.3 - 0.2) / 0.5;
    double expected = 0.7 * q + 0.3 * p.cheapness("mid") + 1.41 * Math.sqrt(Math.log(10) / 2);
    assertEquals(expected, p.score(child, 10, range), 1e-12);
  }

  @Test
  void unvisitedChildrenFirstSmallestAdvisorFirst() {
    ModelAwarePolicy p = new ModelAwarePolicy(0.5, 1.41, sizes);
    SearchNode<String> root = new SearchNode<>(0, null, "r", List.of(), "r", "", "small");
    SearchNode<String> visited = new SearchNode<>(1, root, "a", List.of(), "a", "x", "small");
    visited.backup(0.9);
    SearchNode<String> largeNext = new SearchNode<>(2, root, "b", List.of(), "b", "x", "large");
    SearchNode<String> smallNext = new SearchNode<>(3, root, "c", List.of(), "c", "x", "small");
    assertSame(smallNext, p.select(List.of(visited, largeNext, smallNext), 1, new ValueRange()));
  }

  @Test
  void lambdaPrefersCheaperAdvisorsAtEqualValue() {
    ModelAwarePolicy p = new ModelAwarePolicy(0.5, 0.0, sizes);
    SearchNode<String> root = new SearchNode<>(0, null, "r", List.of(), "r", "", "small");
    SearchNode<String> large = new SearchNode<>(1, root, "a", List.of(), "a", "x", "large");
    SearchNode<String> small = new SearchNode<>(2, root, "b", List.of(), "b", "x", "small");
    large.backup(0.4);
    small.backup(0.4);
    ValueRange range = new ValueRange();
    range.include(0.4);
    assertSame(small, p.select(List.of(large, small), 2, range));
    ModelAwarePolicy valueOnly = new ModelAwarePolicy(0.0, 0.0, sizes);
    large.backup(0.6);
    range.include(large.meanValue());
    assertSame(large, valueOnly.select(List.of(large, small), 3, range));
  }

  @Test
  void valuesAreNormalizedToTheRangeSeenAndClamped() {
    ValueRange range = new ValueRange();
    assertEquals(0.5, range.normalize(3.0), 1e-12);
    range.include(5.0);
    assertEquals(0.5, range.normalize(5.0), 1e-12);
    range.include(5.2);
    range.include(Double.NaN);
    assertEquals(0.5, range.normalize(5.1), 1e-9);
    assertEquals(0.0, range.normalize(1.0), 1e-12);
    assertEquals(1.0, range.normalize(9.0), 1e-12);
  }

  @Test
  void closeSpeedupsAtHighValuesStillSeparate() {
    // Two children at 36x and 40x (log2 5.17 and 5.32): without normalization their values differ
    // by 3%; normalized over the range seen they are 0 and 1, so the value term decides.
    ModelAwarePolicy p = new ModelAwarePolicy(0.0, 0.5, sizes);
    SearchNode<String> root = new SearchNode<>(0, null, "r", List.of(), "r", "", "small");
    SearchNode<String> a = new SearchNode<>(1, root, "a", List.of(), "a", "x", "small");
    SearchNode<String> b = new SearchNode<>(2, root, "b", List.of(), "b", "x", "small");
    ValueRange range = new ValueRange();
    for (int i = 0; i < 3; i++) {
      a.backup(Math.log(36) / Math.log(2));
      b.backup(Math.log(40) / Math.log(2));
    }
    range.include(a.meanValue());
    range.include(b.meanValue());
    assertSame(b, p.select(List.of(a, b), 6, range));
    assertEquals(1.0, p.score(b, 6, range) - p.score(a, 6, range), 1e-12);
  }
}
