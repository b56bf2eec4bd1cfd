// A node of the shared search tree: a program after a transformation prefix and its statistics.
package dev.colt.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tree node. The program and trace are immutable; visits, value and children change as the search
 * runs (only the search thread touches them). {@code expander} is the advisor that will expand this
 * node, chosen by the expansion that created it.
 */
public final class SearchNode<P> {
  private final int id;
  private final SearchNode<P> parent;
  private final P program;
  private final List<String> trace;
  private final String hash;
  private final int depth;
  private final String expandedBy;
  private final List<SearchNode<P>> children = new ArrayList<>();
  private String expander;
  private Evaluation evaluation;
  private int visits;
  private double totalValue;
  private boolean exhausted;
  private int failedExpansions;

  SearchNode(int id, SearchNode<P> parent, P program, List<String> trace, String hash,
      String expandedBy, String expander) {
    this.id = id;
    this.parent = parent;
    this.program = program;
    this.trace = List.copyOf(trace);
    this.hash = hash;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.expandedBy = expandedBy;
    this.expander = expander;
  }

  public int id() {
    return id;
  }

  public SearchNode<P> parent() {
    return parent;
  }

  public P program() {
    return program;
  }

  /** The actions from the root to this node, as text. */
  public List<String> trace() {
    return trace;
  }

  public String hash() {
    return hash;
  }

  public int depth() {
    return depth;
  }

  /** The advisor whose proposal created this node ("random" for random expansions, "" for root). */
  public String expandedBy() {
    return expandedBy;
  }

  /** The advisor that will expand this node. */
  public String expander() {
    return expander;
  }

  void setExpander(String name) {
    this.expander = name;
  }

  public List<SearchNode<P>> children() {
    return Collections.unmodifiableList(children);
  }

  void addChild(SearchNode<P> child) {
    children.add(child);
  }

  void replaceChild(SearchNode<P> old, SearchNode<P> replacement) {
    int i = children.indexOf(old);
    if (i < 0) {
      throw new IllegalStateException("not a child of node " + id);
    }
    children.set(i, replacement);
  }

  public Evaluation evaluation() {
    return evaluation;
  }

  void setEvaluation(Evaluation e) {
    this.evaluation = e;
  }

  /** Speedup when measured and correct; NaN otherwise. */
  public double speedup() {
    return evaluation != null && evaluation.isOk() ? evaluation.speedup() : Double.NaN;
  }

  public int visits() {
    return visits;
  }

  /** Mean backed-up value (log2 speedup, see ColtTreeSearch); 0 before the first visit. */
  public double meanValue() {
    return visits == 0 ? 0.0 : totalValue / visits;
  }

  void backup(double value) {
    visits++;
    totalValue += value;
  }

  public boolean exhausted() {
    return exhausted;
  }

  void markExhausted() {
    exhausted = true;
  }

  int failedExpansions() {
    return failedExpansions;
  }

  void countFailedExpansion() {
    failedExpansions++;
  }

  /** The expanders of this node, its parent and grandparent, nearest first, as far as they exist. */
  List<String> recentExpanders() {
    List<String> out = new ArrayList<>();
    for (SearchNode<P> n = this; n != null && out.size() < 3 && n.parent != null; n = n.parent) {
      out.add(n.expandedBy);
    }
    return out;
  }
}
