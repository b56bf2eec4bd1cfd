// The tree of affine.for loops in a function, with parents, depths, definitions and perfectly nested bands.
package dev.colt.analysis;

import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index over one immutable op tree (usually a {@code func.func}): every affine.for as a
 * {@link Loop} node, the loops enclosing every op, and the op defining every value. Built once per
 * tree; it stays valid because the IR is immutable. Ops are identified by identity.
 */
public final class LoopForest {

  /** One affine.for with its place in the tree. */
  public static final class Loop {
    private final Operation op;
    private final Loop parent;
    private final List<Loop> children = new ArrayList<>();

    Loop(Operation op, Loop parent) {
      this.op = op;
      this.parent = parent;
    }

    public Operation op() {
      return op;
    }

    /** The enclosing loop, or null for an outermost loop. */
    public Loop parent() {
      return parent;
    }

    /** Loops nested directly in this one (possibly inside affine.if), in program order. */
    public List<Loop> children() {
      return Collections.unmodifiableList(children);
    }

    /** 0 for an outermost loop. */
    public int depth() {
      return parent == null ? 0 : parent.depth() + 1;
    }

    public Value inductionVar() {
      return AffineOps.inductionVar(op);
    }

    /** The loops from the outermost down to this one. */
    public List<Loop> path() {
      List<Loop> p = parent == null ? new ArrayList<>() : new ArrayList<>(parent.path());
      p.add(this);
      return p;
    }

    @Override
    public String toString() {
      return "Loop[" + LoopHandles.nameOf(op) + " depth " + depth() + "]";
    }
  }

  private final Operation root;
  private final List<Loop> roots = new ArrayList<>();
  private final List<Loop> all = new ArrayList<>();
  private final Map<Operation, Loop> loopOf = new IdentityHashMap<>();
  private final Map<Operation, Loop> enclosing;
  private final Map<Value, Operation> definingOp;
  private final Map<Value, Operation> blockArgOwner = new IdentityHashMap<>();
  private final Map<Operation, Operation> parentOp;
  private final Map<Operation, Integer> order;

  private LoopForest(Operation root) {
    this.root = root;
    // Sized up front: the per-op maps would otherwise grow (rehashing) several times.
    int[] ops = {0};
    root.walk(op -> ops[0]++);
    this.enclosing = new IdentityHashMap<>(ops[0]);
    this.definingOp = new IdentityHashMap<>(ops[0]);
    this.parentOp = new IdentityHashMap<>(ops[0]);
    this.order = new IdentityHashMap<>(ops[0]);
    visit(root, null, null);
  }

  /** Indexes the loops under {@code root} (root itself may be a loop). */
  public static LoopForest of(Operation root) {
    return new LoopForest(root);
  }

  private void visit(Operation op, Operation parent, Loop enclosingLoop) {
    order.put(op, order.size());
    if (parent != null) {
      parentOp.put(op, parent);
    }
    enclosing.put(op, enclosingLoop);
    for (Value r : op.results()) {
      definingOp.put(r, op);
    }
    Loop inner = enclosingLoop;
    if (op.is(AffineOps.FOR)) {
      Loop l = new Loop(op, enclosingLoop);
      if (enclosingLoop == null) {
        roots.add(l);
      } else {
        enclosingLoop.children.add(l);
      }
      all.add(l);
      loopOf.put(op, l);
      inner = l;
    }
    for (Region r : op.regions()) {
      for (Block b : r.blocks()) {
        for (Value a : b.arguments()) {
          blockArgOwner.put(a, op);
        }
        for (Operation child : b.operations()) {
          visit(child, op, inner);
        }
      }
    }
  }

  public Operation root() {
    return root;
  }

  /** Outermost loops in program order. */
  public List<Loop> roots() {
    return Collections.unmodifiableList(roots);
  }

  /** Every loop in pre-order (program order). */
  public List<Loop> loops() {
    return Collections.unmodifiableList(all);
  }

  /** The node of an affine.for in this tree, or null. */
  public Loop loop(Operation forOp) {
    return loopOf.get(forOp);
  }

  /** The innermost loop enclosing {@code op} (not op itself), or null. */
  public Loop enclosingLoop(Operation op) {
    return enclosing.get(op);
  }

  /** The loops enclosing {@code op}, outermost first (empty for ops outside loops). */
  public List<Loop> enclosingLoops(Operation op) {
    Loop l = enclosing.get(op);
    return l == null ? List.of() : l.path();
  }

  /** The op whose result {@code v} is, or null for block arguments and unknown values. */
  public Operation definingOp(Value v) {
    return definingOp.get(v);
  }

  /** The op whose region's block has {@code v} as argument, or null. */
  public Operation blockArgOwner(Value v) {
    return blockArgOwner.get(v);
  }

  /** The loop whose induction variable is {@code v}, or null. */
  public Loop loopOfInductionVar(Value v) {
    Operation owner = blockArgOwner.get(v);
    if (owner == null || !owner.is(AffineOps.FOR) || AffineOps.inductionVar(owner) != v) {
      return null;
    }
    return loopOf.get(owner);
  }

  /** The op directly containing {@code op} in one of its regions, or null at the root. */
  public Operation parentOp(Operation op) {
    return parentOp.get(op);
  }

  /** Pre-order position of an op in the tree: program order for ops in one function. */
  public int position(Operation op) {
    Integer p = order.get(op);
    if (p == null) {
      throw new IllegalArgumentException("op not in this tree: " + op);
    }
    return p;
  }

  /** True when {@code v} is defined outside {@code scope} (by an op or a block not inside it). */
  public boolean isDefinedOutside(Value v, Operation scope) {
    Operation def = definingOp.get(v);
    if (def == null) {
      def = blockArgOwner.get(v);
      if (def == scope) {
        return false;
      }
    }
    for (Operation p = def; p != null; p = parentOp.get(p)) {
      if (p == scope) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code op} is {@code ancestor} or nested inside it. */
  public boolean isInside(Operation op, Operation ancestor) {
    for (Operation p = op; p != null; p = parentOp.get(p)) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * The perfectly nested band starting at {@code outer}: outer, then its only nested op while that
   * op is an affine.for and the body holds nothing else (no iter_args below the first loop).
   */
  public List<Loop> bandFrom(Loop outer) {
    List<Loop> band = new ArrayList<>();
    band.add(outer);
    Loop cur = outer;
    while (true) {
      List<Operation> body = AffineOps.bodyOps(cur.op());
      if (body.size() != 1 || !body.get(0).is(AffineOps.FOR)) {
        break;
      }
      Loop next = loopOf.get(body.get(0));
      if (!AffineOps.iterInits(next.op()).isEmpty() || !AffineOps.iterInits(cur.op()).isEmpty()) {
        break;
      }
      band.add(next);
      cur = next;
    }
    return band;
  }

  /** Maximal bands: each starts at a loop that is not the perfectly nested child of its parent. */
  public List<List<Loop>> bands() {
    List<List<Loop>> out = new ArrayList<>();
    for (Loop l : all) {
      Loop p = l.parent();
      boolean continuesParent = p != null && bandFrom(p).contains(l);
      if (!continuesParent) {
        out.add(bandFrom(l));
      }
    }
    return out;
  }
}
