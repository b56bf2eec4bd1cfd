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
    double q = 0.3;
    double expected = 0.7 * q + 0.3 * p.cheapness("mid") + 1.41 * Math.sqrt(Math.log(10) / 2);
    assertEquals(expected, p.score(child, 10), 1e-12);
  }

  @Test
  void unvisitedChildrenFirstSmallestAdvisorFirst() {
    ModelAwarePolicy p = new ModelAwarePolicy(0.5, 1.41, sizes);
    SearchNode<String> root = new SearchNode<>(0, null, "r", List.of(), "r", "", "small");
    SearchNode<String> visited = new SearchNode<>(1, root, "a", List.of(), "a", "x", "small");
    visited.backup(0.9);
    SearchNode<String> largeNext = new SearchNode<>(2, root, "b", List.of(), "b", "x", "large");
    SearchNode<String> smallNext = new SearchNode<>(3, root, "c", List.of(), "c", "x", "small");
    assertSame(smallNext, p.select(List.of(visited, largeNext, smallNext), 1));
  }

  @Test
  void lambdaPrefersCheaperAdvisorsAtEqualValue() {
    ModelAwarePolicy p = new ModelAwarePolicy(0.5, 0.0, sizes);
    SearchNode<String> root = new SearchNode<>(0, null, "r", List.of(), "r", "", "small");
    SearchNode<String> large = new SearchNode<>(1, root, "a", List.of(), "a", "x", "large");
    SearchNode<String> small = new SearchNode<>(2, root, "b", List.of(), "b", "x", "small");
    large.backup(0.4);
    small.backup(0.4);
    assertSame(small, p.select(List.of(large, small), 2));
    ModelAwarePolicy valueOnly = new ModelAwarePolicy(0.0, 0.0, sizes);
    large.backup(0.6);
    assertSame(large, valueOnly.select(List.of(large, small), 3));
  }
}
