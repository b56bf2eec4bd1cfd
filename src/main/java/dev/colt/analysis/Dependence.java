// A memory dependence from one access to another, with its direction vectors over their common loops.
package dev.colt.analysis;

import java.util.List;

/**
 * The sink may touch an element the source touched earlier in the original execution order, and
 * at least one of them writes. {@code loops} are the loops enclosing both (outermost first);
 * every vector in {@code vectors} is lexicographically positive (carried by its first {@code <}
 * level) or all {@code =} (loop-independent: the source comes first in program order).
 * {@code distance} holds, per common loop, the constant difference of induction-variable values
 * (sink minus source) when the analysis proved it unique, else null. Conservative: vectors may
 * include ones that never happen, never omit one that does (memrefs given as distinct SSA values are
 * assumed not to alias).
 */
public record Dependence(Access source, Access sink, List<LoopForest.Loop> loops,
    List<DirectionVector> vectors, List<Long> distance) {

  /** Read after write, write after read, or write after write. */
  public enum Kind { FLOW, ANTI, OUTPUT }

  public Dependence {
    loops = List.copyOf(loops);
    vectors = List.copyOf(vectors);
    distance = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(distance));
  }

  public Kind kind() {
    if (source.write() && sink.write()) {
      return Kind.OUTPUT;
    }
    return source.write() ? Kind.FLOW : Kind.ANTI;
  }

  /** Index of {@code loop} among the common loops, or -1. */
  public int levelOf(LoopForest.Loop loop) {
    for (int i = 0; i < loops.size(); i++) {
      if (loops.get(i) == loop) {
        return i;
      }
    }
    return -1;
  }

  /** True when some vector is carried by {@code loop} (its first non-{@code =} level). */
  public boolean isCarriedBy(LoopForest.Loop loop) {
    int level = levelOf(loop);
    if (level < 0) {
      return false;
    }
    for (DirectionVector v : vectors) {
      if (v.carrierLevel() == level) {
        return true;
      }
    }
    return false;
  }

  /** The vectors printed as {@code "=<", "<*"}-style strings, for messages and tests. */
  public String describe() {
    return kind() + " " + source.op().name() + " -> " + sink.op().name() + " on "
        + source.memref().type() + " " + vectors;
  }
}
