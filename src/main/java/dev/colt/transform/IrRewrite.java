// Tree rewriting helpers for immutable IR: replace one op, map every op, fold affine.apply into its users.
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Static helpers; all return new trees and share untouched subtrees with the input. */
public final class IrRewrite {
  private IrRewrite() {}

  /**
   * {@code root} with {@code target} (found by identity) replaced by {@code replacement} in its
   * block. Fails with IllegalArgumentException when target is not under root.
   */
  public static Operation replace(Operation root, Operation target, List<Operation> replacement) {
    Operation out = replaceIn(root, target, replacement);
    if (out == null) {
      throw new IllegalArgumentException("op to replace not found: " + target);
    }
    return out;
  }

  private static Operation replaceIn(Operation op, Operation target, List<Operation> repl) {
    for (int ri = 0; ri < op.regions().size(); ri++) {
      Region r = op.region(ri);
      for (int bi = 0; bi < r.blocks().size(); bi++) {
        Block b = r.blocks().get(bi);
        List<Operation> ops = b.operations();
        for (int i = 0; i < ops.size(); i++) {
          Operation child = ops.get(i);
          List<Operation> newOps = null;
          if (child == target) {
            newOps = new ArrayList<>(ops.subList(0, i));
            newOps.addAll(repl);
            newOps.addAll(ops.subList(i + 1, ops.size()));
          } else if (!child.regions().isEmpty()) {
            Operation nc = replaceIn(child, target, repl);
            if (nc != null) {
              newOps = new ArrayList<>(ops);
              newOps.set(i, nc);
            }
          }
          if (newOps != null) {
            List<Block> blocks = new ArrayList<>(r.blocks());
            blocks.set(bi, b.withOperations(newOps));
            List<Region> regions = new ArrayList<>(op.regions());
            regions.set(ri, new Region(blocks));
            return op.withRegions(regions);
          }
        }
      }
    }
    return null;
  }

  /**
   * Rebuilds the tree bottom-up: children first, then {@code f} on the op with rebuilt regions.
   * {@code f} returns the ops that take the op's place (empty to delete it).
   */
  public static Operation mapOps(Operation root, Function<Operation, List<Operation>> f) {
    Operation withChildren = rebuildChildren(root, f);
    List<Operation> out = f.apply(withChildren);
    if (out.size() != 1) {
      throw new IllegalArgumentException("the root must map to exactly one op");
    }
    return out.get(0);
  }

  /**
   * {@code op} with every child rebuilt and mapped; {@code op} itself when nothing changed. Blocks
   * and regions that did not change are kept as they are (they are values), so an unchanged
   * subtree costs no copying.
   */
  private static Operation rebuildChildren(Operation op, Function<Operation, List<Operation>> f) {
    if (op.regions().isEmpty()) {
      return op;
    }
    List<Region> regions = null;
    for (int ri = 0; ri < op.regions().size(); ri++) {
      Region r = op.regions().get(ri);
      List<Block> blocks = null;
      for (int bi = 0; bi < r.blocks().size(); bi++) {
        Block b = r.blocks().get(bi);
        Block rebuilt = rebuildBlock(b, f);
        if (rebuilt != b && blocks == null) {
          blocks = new ArrayList<>(r.blocks().subList(0, bi));
        }
        if (blocks != null) {
          blocks.add(rebuilt);
        }
      }
      if (blocks != null && regions == null) {
        regions = new ArrayList<>(op.regions().subList(0, ri));
      }
      if (regions != null) {
        regions.add(blocks == null ? r : new Region(blocks));
      }
    }
    return regions == null ? op : op.withRegions(regions);
  }

  /** The block with every op rebuilt and mapped; {@code b} itself when nothing changed. */
  private static Block rebuildBlock(Block b, Function<Operation, List<Operation>> f) {
    List<Operation> ops = null;
    List<Operation> children = b.operations();
    for (int i = 0; i < children.size(); i++) {
      Operation child = children.get(i);
      List<Operation> mapped = f.apply(rebuildChildren(child, f));
      boolean same = mapped.size() == 1 && mapped.get(0) == child;
      if (!same && ops == null) {
        ops = new ArrayList<>(children.subList(0, i));
      }
      if (ops != null) {
        ops.addAll(mapped);
      }
    }
    return ops == null ? b : b.withOperations(ops);
  }

  /**
   * Composes every affine.apply feeding an affine map operand (of loads, stores, vector accesses,
   * affine.apply/min/max and affine.for bounds) into that map, then deletes affine.apply ops left
   * without uses. The result computes the same values.
   */
  public static Operation foldApplies(Operation root) {
    Map<Value, Operation> applies = new IdentityHashMap<>();
    root.walk(op -> {
      if (op.is(AffineOps.APPLY)) {
        applies.put(op.result(), op);
      }
    });
    if (applies.isEmpty()) {
      return root;
    }
    Operation folded = mapOps(root, op -> List.of(foldInto(op, applies)));
    return removeDeadApplies(folded);
  }

  private static Operation foldInto(Operation op, Map<Value, Operation> applies) {
    if (AffineOps.isAccess(op)) {
      Composed c = compose(AffineOps.accessMap(op), AffineOps.accessIndices(op), applies);
      return c == null ? op : AffineOps.withAccessMap(op, c.map, c.operands);
    }
    if (op.is(AffineOps.APPLY) || op.is(AffineOps.MIN) || op.is(AffineOps.MAX)) {
      Composed c = compose(AffineOps.map(op), op.operands(), applies);
      return c == null ? op
          : op.withOperands(c.operands).withAttribute("map", new Attribute.AffineMapAttr(c.map));
    }
    if (op.is(AffineOps.FOR)) {
      Composed lb = compose(AffineOps.lowerMap(op), AffineOps.lowerOperands(op), applies);
      Composed ub = compose(AffineOps.upperMap(op), AffineOps.upperOperands(op), applies);
      if (lb == null && ub == null) {
        return op;
      }
      if (lb == null) {
        lb = new Composed(AffineOps.lowerMap(op), AffineOps.lowerOperands(op));
      }
      if (ub == null) {
        ub = new Composed(AffineOps.upperMap(op), AffineOps.upperOperands(op));
      }
      return AffineOps.withBounds(op, lb.map, lb.operands, ub.map, ub.operands);
    }
    return op;
  }

  private record Composed(AffineMap map, List<Value> operands) {}

  /** The map over fresh dims with apply-defined operands substituted; null if none. */
  private static Composed compose(AffineMap map, List<Value> operands,
      Map<Value, Operation> applies) {
    if (operands.stream().noneMatch(applies::containsKey)) {
      return null;
    }
    List<Value> newOperands = new ArrayList<>();
    Map<Value, Integer> pos = new IdentityHashMap<>();
    List<AffineExpr> subst = new ArrayList<>();
    for (Value v : operands) {
      subst.add(expand(v, applies, newOperands, pos));
    }
    int nd = map.numDims();
    List<AffineExpr> dims = subst.subList(0, nd);
    List<AffineExpr> syms = subst.subList(nd, subst.size());
    AffineMap out = map.replace(dims, syms, newOperands.size(), 0);
    return new Composed(out, newOperands);
  }

  private static AffineExpr expand(Value v, Map<Value, Operation> applies, List<Value> operands,
      Map<Value, Integer> pos) {
    Operation a = applies.get(v);
    if (a == null) {
      Integer p = pos.get(v);
      if (p == null) {
        p = operands.size();
        operands.add(v);
        pos.put(v, p);
      }
      return AffineExpr.dim(p);
    }
    AffineMap m = AffineOps.map(a);
    List<AffineExpr> sub = new ArrayList<>();
    for (Value o : a.operands()) {
      sub.add(expand(o, applies, operands, pos));
    }
    return m.result(0).replace(sub.subList(0, m.numDims()),
        sub.subList(m.numDims(), sub.size()));
  }

  /** Deletes affine.apply ops whose results nothing uses, repeatedly. */
  public static Operation removeDeadApplies(Operation root) {
    Operation cur = root;
    while (true) {
      Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
      cur.walk(op -> used.addAll(op.operands()));
      boolean[] removed = {false};
      cur = mapOps(cur, op -> {
        if (op.is(AffineOps.APPLY) && !used.contains(op.result())) {
          removed[0] = true;
          return List.of();
        }
        return List.of(op);
      });
      if (!removed[0]) {
        return cur;
      }
    }
  }

  /** {@code root} with every use of a key of {@code replacements} replaced by its value. */
  public static Operation replaceUses(Operation root, Map<Value, Value> replacements) {
    if (replacements.isEmpty()) {
      return root;
    }
    return mapOps(root, op -> {
      boolean uses = false;
      for (Value v : op.operands()) {
        uses |= replacements.containsKey(v);
      }
      if (!uses) {
        return List.of(op);
      }
      return List.of(op.withOperands(op.operands().stream()
          .map(v -> replacements.getOrDefault(v, v)).toList()));
    });
  }
}
