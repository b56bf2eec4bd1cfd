// Removes side-effect-free ops whose results are never used.
package dev.colt.transform.rewrite;

import dev.colt.ir.Block;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Dead-code removal in one backward sweep: an op is removed when {@link #isRemovable} says so
 * (by default: registered as PURE, not a terminator) and none of its results has a use left. Chains
 * of dead ops go at once because blocks are walked last op first and uses are counted down as ops go.
 */
public final class DeadCodeEliminator {
  private final Predicate<Operation> removable;
  private final Map<Value, Integer> uses = new IdentityHashMap<>();
  private int removed;

  private DeadCodeEliminator(Predicate<Operation> removable) {
    this.removable = removable;
  }

  /** Registered PURE ops that are not terminators. */
  public static boolean isRemovable(Operation op) {
    OpRegistry registry = OpRegistry.global();
    return registry.hasTrait(op, OpTrait.PURE) && !registry.hasTrait(op, OpTrait.TERMINATOR);
  }

  /** A result of a sweep: the new op and how many ops were removed. */
  public record Result(Operation op, int removed) {}

  /** Removes dead ops from the regions of {@code root} (not {@code root} itself). */
  public static Result run(Operation root) {
    return run(root, DeadCodeEliminator::isRemovable);
  }

  /** Same with a custom removability test. */
  public static Result run(Operation root, Predicate<Operation> removable) {
    DeadCodeEliminator d = new DeadCodeEliminator(removable);
    root.walk(op -> {
      for (Value v : op.operands()) {
        d.uses.merge(v, 1, Integer::sum);
      }
    });
    Operation out = d.sweepRegions(root);
    return new Result(out, d.removed);
  }

  private Operation sweepRegions(Operation op) {
    List<Region> regions = new ArrayList<>(op.regions().size());
    boolean changed = false;
    for (int i = op.regions().size() - 1; i >= 0; i--) {
      Region r = op.region(i);
      List<Block> blocks = new ArrayList<>();
      boolean regionChanged = false;
      for (int b = r.blocks().size() - 1; b >= 0; b--) {
        Block block = r.blocks().get(b);
        Block nb = sweepBlock(block);
        regionChanged |= nb != block;
        blocks.add(nb);
      }
      Collections.reverse(blocks);
      regions.add(regionChanged ? new Region(blocks) : r);
      changed |= regionChanged;
    }
    Collections.reverse(regions);
    return changed ? op.withRegions(regions) : op;
  }

  private Block sweepBlock(Block block) {
    List<Operation> kept = new ArrayList<>(block.operations().size());
    boolean changed = false;
    List<Operation> ops = block.operations();
    for (int i = ops.size() - 1; i >= 0; i--) {
      Operation op = ops.get(i);
      if (isDead(op)) {
        op.walk(inner -> {
          for (Value v : inner.operands()) {
            uses.merge(v, -1, Integer::sum);
          }
        });
        removed++;
        changed = true;
        continue;
      }
      Operation swept = sweepRegions(op);
      changed |= swept != op;
      kept.add(swept);
    }
    if (!changed) {
      return block;
    }
    Collections.reverse(kept);
    return block.withOperations(kept);
  }

  private boolean isDead(Operation op) {
    if (!removable.test(op)) {
      return false;
    }
    for (Value r : op.results()) {
      if (uses.getOrDefault(r, 0) > 0) {
        return false;
      }
    }
    return true;
  }
}
