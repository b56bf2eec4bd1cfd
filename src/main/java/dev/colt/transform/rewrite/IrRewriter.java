// Rebuilds immutable IR op by op with a value substitution; the engine under rewriting passes.
package dev.colt.transform.rewrite;

import dev.colt.ir.Block;
import dev.colt.ir.IRMapping;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the regions of an op into new IR. Blocks are walked front to back; each op first gets its
 * operands substituted (through the current {@link IRMapping}) and its regions rewritten, then is
 * handed to a {@link Visitor}, which either {@link #emit}s it (possibly changed), emits other ops
 * instead, or {@link #replace}s its results by existing values. Block arguments and the result
 * values of emitted ops keep their identity, so uses of an op that is emitted again need no update.
 *
 * <p>One rewriter serves one rewrite of one op tree (it records substitutions and defining ops).
 * Preconditions: the input is well formed (every use is dominated by its definition). A visitor
 * that replaces a value by one that does not dominate all its uses produces invalid IR; the
 * verifier reports it.
 */
public final class IrRewriter {
  /** Decides what becomes of each op; called after the op's operands and regions are rewritten. */
  public interface Visitor {
    /** Handles {@code op}; the default emits it unchanged. */
    default void visit(Operation op, IrRewriter rewriter) {
      rewriter.emit(op);
    }

    /** Called before the blocks of region {@code index} of {@code parent} are rewritten. */
    default void enterRegion(Operation parent, int index) {}

    /** Called after region {@code index} of {@code parent} was rewritten. */
    default void exitRegion(Operation parent, int index) {}
  }

  private final Visitor visitor;
  private final IRMapping mapping = new IRMapping();
  private final Map<Value, Operation> definingOps = new IdentityHashMap<>();
  private final Deque<List<Operation>> blocks = new ArrayDeque<>();
  private boolean changed;

  public IrRewriter(Visitor visitor) {
    this.visitor = visitor;
  }

  /**
   * Rewrites every region of {@code op} and returns {@code op} with the new regions (the op itself
   * is not visited). Returns the same object when nothing changed.
   */
  public Operation rewriteRegionsOf(Operation op) {
    List<Region> regions = rewriteRegions(op);
    return regions == null ? op : op.withRegions(regions);
  }

  /** Rewrites a block: substitutes, visits and collects its ops; the arguments are kept. */
  public Block rewriteBlock(Block block) {
    List<Operation> out = new ArrayList<>(block.operations().size());
    blocks.push(out);
    try {
      for (Operation op : block.operations()) {
        process(op);
      }
    } finally {
      blocks.pop();
    }
    return sameOps(out, block.operations()) ? block : block.withOperations(out);
  }

  /**
   * Substitutes and visits {@code op} as if it appeared at the current insertion point (used to
   * re-process ops moved out of a region, e.g. the body of a promoted loop).
   */
  public void process(Operation op) {
    List<Value> operands = substitute(op.operands());
    List<Region> regions = rewriteRegions(op);
    Operation current = op;
    if (operands != op.operands() || regions != null) {
      current = new Operation(op.name(), operands, op.results(), op.attributes(),
          regions == null ? op.regions() : regions, op.location());
    }
    visitor.visit(current, this);
  }

  private List<Region> rewriteRegions(Operation op) {
    List<Region> out = null;
    for (int i = 0; i < op.regions().size(); i++) {
      Region r = op.region(i);
      visitor.enterRegion(op, i);
      List<Block> newBlocks = new ArrayList<>(r.blocks().size());
      boolean regionChanged = false;
      for (Block b : r.blocks()) {
        Block nb = rewriteBlock(b);
        regionChanged |= nb != b;
        newBlocks.add(nb);
      }
      visitor.exitRegion(op, i);
      if (regionChanged && out == null) {
        out = new ArrayList<>(op.regions().subList(0, i));
      }
      if (out != null) {
        out.add(regionChanged ? new Region(newBlocks) : r);
      }
    }
    return out;
  }

  /** The operands through the current substitution; the same list when none changes. */
  public List<Value> substitute(List<Value> values) {
    List<Value> out = null;
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      Value m = lookup(v);
      if (m != v && out == null) {
        out = new ArrayList<>(values.subList(0, i));
      }
      if (out != null) {
        out.add(m);
      }
    }
    return out == null ? values : out;
  }

  /** The current replacement of {@code v} (following chains), or {@code v}. */
  public Value lookup(Value v) {
    Value m = mapping.lookup(v);
    while (m != null) {
      v = m;
      m = mapping.lookup(v);
    }
    return v;
  }

  /** Appends {@code op} at the insertion point and records it as the definer of its results. */
  public void emit(Operation op) {
    if (blocks.isEmpty()) {
      throw new IllegalStateException("emit outside a block being rewritten");
    }
    blocks.peek().add(op);
    for (Value r : op.results()) {
      definingOps.put(r, op);
    }
  }

  /**
   * Drops {@code op} and makes later uses of its results use {@code replacements} instead
   * (precondition: same count, each replacement dominates the uses). Marks the rewrite changed.
   */
  public void replace(Operation op, List<Value> replacements) {
    if (replacements.size() != op.results().size()) {
      throw new IllegalArgumentException(op.name() + ": " + replacements.size()
          + " replacements for " + op.results().size() + " results");
    }
    for (int i = 0; i < replacements.size(); i++) {
      mapValue(op.result(i), replacements.get(i));
    }
    changed = true;
  }

  /** Makes later uses of {@code from} use {@code to}. */
  public void mapValue(Value from, Value to) {
    Value target = lookup(to);
    if (target != from) {
      mapping.map(from, target);
    }
  }

  /** The op emitted so far that defines {@code v} (after substitution), or null. */
  public Operation definingOp(Value v) {
    return definingOps.get(lookup(v));
  }

  /** Records that something changed (patterns call this when they rewrite in place). */
  public void markChanged() {
    changed = true;
  }

  /** True when a visitor replaced an op or called {@link #markChanged()}. */
  public boolean changed() {
    return changed;
  }

  private static boolean sameOps(List<Operation> a, List<Operation> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
