// Stable loop names (the colt.loop attribute) that actions target and transformations carry along.
package dev.colt.analysis;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every affine.for is named by a string attribute {@code colt.loop}. {@link #assign} names the
 * unnamed loops deterministically by nest position: the loop at depth d takes the d-th letter of
 * "ijklmnopqrstuvwxyzabcdefgh" and, when that name is taken, the letter followed by the smallest
 * free number ({@code i2}). Transformations derive names from the loop they rewrite
 * ({@code i} tiled gives {@code i.tile} and {@code i.point}) and keep them otherwise, so a trace of
 * actions replays on a fresh parse of the same input.
 */
public final class LoopHandles {
  public static final String ATTR = "colt.loop";
  private static final String LETTERS = "ijklmnopqrstuvwxyzabcdefgh";

  private LoopHandles() {}

  /** The name of a loop, or null when it has none. */
  public static String nameOf(Operation forOp) {
    return forOp.attr(ATTR) instanceof Attribute.StringAttr s ? s.value() : null;
  }

  /** A copy of the loop named {@code name}. */
  public static Operation withName(Operation forOp, String name) {
    return forOp.withAttribute(ATTR, new Attribute.StringAttr(name));
  }

  /** Every loop name under {@code root}. */
  public static Set<String> names(Operation root) {
    Set<String> out = new HashSet<>();
    root.walk(op -> {
      if (op.is(AffineOps.FOR) && nameOf(op) != null) {
        out.add(nameOf(op));
      }
    });
    return out;
  }

  /** {@code base} when free in {@code taken}, else base with the smallest free numeric suffix. */
  public static String fresh(String base, Set<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int k = 2; ; k++) {
      String n = base + k;
      if (!taken.contains(n)) {
        return n;
      }
    }
  }

  /** {@code root} with every unnamed loop named (named loops keep theirs); unchanged if all named. */
  public static Operation assign(Operation root) {
    if (FULLY_NAMED.get(root, LoopHandles::allNamed)) {
      return root;
    }
    Set<String> taken = names(root);
    return assign(root, 0, taken);
  }

  private static Operation assign(Operation op, int depth, Set<String> taken) {
    Operation cur = op;
    int inner = depth;
    if (op.is(AffineOps.FOR)) {
      if (nameOf(op) == null) {
        String base = String.valueOf(LETTERS.charAt(Math.min(depth, LETTERS.length() - 1)));
        String name = fresh(base, taken);
        taken.add(name);
        cur = withName(op, name);
      }
      inner = depth + 1;
    }
    if (cur.regions().isEmpty()) {
      return cur;
    }
    List<Region> regions = new ArrayList<>();
    boolean changed = false;
    for (Region r : cur.regions()) {
      List<Block> blocks = new ArrayList<>();
      for (Block b : r.blocks()) {
        List<Operation> ops = new ArrayList<>();
        for (Operation child : b.operations()) {
          Operation nc = assign(child, inner, taken);
          changed |= nc != child;
          ops.add(nc);
        }
        blocks.add(b.withOperations(ops));
      }
      regions.add(new Region(blocks));
    }
    return changed ? cur.withRegions(regions) : cur;
  }

  /** Whether recent roots have every loop named: each check of a menu names its function again. */
  private static final IdentityMemo<Operation, Void, Boolean> FULLY_NAMED = new IdentityMemo<>(64);

  private static boolean allNamed(Operation op) {
    if (op.is(AffineOps.FOR) && nameOf(op) == null) {
      return false;
    }
    for (Region r : op.regions()) {
      for (Block b : r.blocks()) {
        for (Operation child : b.operations()) {
          if (!allNamed(child)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The loop named {@code name} under {@code root}, or null. */
  public static Operation find(Operation root, String name) {
    Operation[] found = {null};
    root.walk(op -> {
      if (found[0] == null && op.is(AffineOps.FOR) && name.equals(nameOf(op))) {
        found[0] = op;
      }
    });
    return found[0];
  }

  /** {@code root} without any {@code colt.loop} attribute. */
  public static Operation strip(Operation root) {
    if (names(root).isEmpty()) {
      return root;
    }
    return strip(root, true);
  }

  private static Operation strip(Operation op, boolean top) {
    Operation cur = op.hasAttr(ATTR) ? op.withoutAttribute(ATTR) : op;
    if (cur.regions().isEmpty()) {
      return cur;
    }
    List<Region> regions = new ArrayList<>();
    for (Region r : cur.regions()) {
      List<Block> blocks = new ArrayList<>();
      for (Block b : r.blocks()) {
        List<Operation> ops = new ArrayList<>();
        for (Operation child : b.operations()) {
          ops.add(strip(child, false));
        }
        blocks.add(b.withOperations(ops));
      }
      regions.add(new Region(blocks));
    }
    return cur.withRegions(regions);
  }
}
