// COLT's model-aware UCT tree policy: value, advisor cheapness and exploration in one score.
package dev.colt.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores a child as {@code (1-l)*Q + l*phi(m) + c*sqrt(ln N_parent / n_child)} where Q is the
 * child's mean value normalized to [0, 1] by the search's {@link ValueRange}, m the advisor that will expand the child and
 * {@code phi(m) = (log P_max - log P_m) / (log P_max - log P_min)}: 1 for the smallest advisor, 0
 * for the largest. Unvisited children come first, smallest advisor first. Ties go to the older
 * child, so selection is deterministic.
 */
public final class ModelAwarePolicy {
  private final double lambda;
  private final double exploration;
  private final Map<String, Double> sizes;
  private final double logMin;
  private final double logMax;

  /**
   * @param sizes advisor name to size (parameters or declared equivalent); names missing from the
   *     map (such as "random") count as the smallest
   */
  public ModelAwarePolicy(double lambda, double exploration, Map<String, Double> sizes) {
    this.lambda = lambda;
    this.exploration = exploration;
    this.sizes = Map.copyOf(sizes);
    this.logMin = sizes.values().stream().mapToDouble(Math::log).min().orElse(0);
    this.logMax = sizes.values().stream().mapToDouble(Math::log).max().orElse(0);
  }

  /** phi(m) in [0, 1]; 1 when all advisors are the same size. */
  public double cheapness(String advisor) {
    Double size = sizes.get(advisor);
    if (size == null || logMax == logMin) {
      return 1.0;
    }
    return (logMax - Math.log(size)) / (logMax - logMin);
  }

  /**
   * The score of {@code child} under a parent visited {@code parentVisits} times, its value
   * normalized by {@code range}.
   */
  double score(SearchNode<?> child, int parentVisits, ValueRange range) {
    double explore = child.visits() == 0 ? Double.POSITIVE_INFINITY
        : exploration * Math.sqrt(Math.log(Math.max(1, parentVisits)) / child.visits());
    return (1 - lambda) * range.normalize(child.meanValue()) + lambda * cheapness(child.expander())
        + explore;
  }

  /** The child to descend into; precondition: {@code candidates} non-empty. */
  <P> SearchNode<P> select(List<SearchNode<P>> candidates, int parentVisits, ValueRange range) {
    List<SearchNode<P>> unvisited = candidates.stream().filter(c -> c.visits() == 0).toList();
    if (!unvisited.isEmpty()) {
      return unvisited.stream()
          .min(Comparator.comparingDouble((SearchNode<P> c) -> -cheapness(c.expander()))
              .thenComparingInt(SearchNode::id))
          .orElseThrow();
    }
    SearchNode<P> best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (SearchNode<P> c : candidates) {
      double s = score(c, parentVisits, range);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }
}
