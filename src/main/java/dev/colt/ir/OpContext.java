// A read-only index of where ops and values sit in a tree, for verifiers that need surroundings.
package dev.colt.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Answers "who contains this op" and "who defines this value" for one tree of operations, by
 * identity. Built once per verification or analysis with {@link #of(Operation)}; immutable after
 * that, so it goes stale when the IR is rebuilt. Values used in the tree but defined outside it
 * (when a subtree is checked alone) have neither a defining op nor an owner.
 */
public final class OpContext {
  private final Map<Operation, Operation> parents = new IdentityHashMap<>();
  private final Map<Value, Operation> definingOps = new IdentityHashMap<>();
  private final Map<Value, Operation> argumentOwners = new IdentityHashMap<>();
  private final Map<Value, Integer> argumentNumbers = new IdentityHashMap<>();
  private final Operation root;

  private OpContext(Operation root) {
    this.root = root;
    index(root, null);
  }

  /** Indexes {@code root} and everything nested in it. */
  public static OpContext of(Operation root) {
    return new OpContext(root);
  }

  private void index(Operation op, Operation parent) {
    if (parent != null) {
      parents.put(op, parent);
    }
    for (Value r : op.results()) {
      definingOps.put(r, op);
    }
    for (Region region : op.regions()) {
      for (Block block : region.blocks()) {
        for (int i = 0; i < block.arguments().size(); i++) {
          argumentOwners.put(block.arguments().get(i), op);
          argumentNumbers.put(block.arguments().get(i), i);
        }
        for (Operation nested : block.operations()) {
          index(nested, op);
        }
      }
    }
  }

  public Operation root() {
    return root;
  }

  /** The op whose region contains {@code op}; null for the root or an op outside the tree. */
  public Operation parent(Operation op) {
    return parents.get(op);
  }

  /** The op whose result {@code v} is; null for block arguments and values from outside. */
  public Operation definingOp(Value v) {
    return definingOps.get(v);
  }

  /** The op owning the block that declares {@code v} as an argument; null otherwise. */
  public Operation argumentOwner(Value v) {
    return argumentOwners.get(v);
  }

  /** The position of block argument {@code v} in its block; -1 when it is not one. */
  public int argumentNumber(Value v) {
    Integer n = argumentNumbers.get(v);
    return n == null ? -1 : n;
  }

  /** The op that immediately contains the definition of {@code v}; null when unknown. */
  public Operation definingScope(Value v) {
    Operation def = definingOps.get(v);
    return def != null ? parents.get(def) : argumentOwners.get(v);
  }

  /** The nearest proper ancestor of {@code op} declaring {@code trait}; null when none. */
  public Operation enclosing(Operation op, OpTrait trait) {
    OpRegistry registry = OpRegistry.global();
    for (Operation p = parents.get(op); p != null; p = parents.get(p)) {
      if (registry.hasTrait(p, trait)) {
        return p;
      }
    }
    return null;
  }
}
