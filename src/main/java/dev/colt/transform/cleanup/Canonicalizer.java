// Canonicalization of a function: constant folding, affine simplification, loop cleanup, dead code.
package dev.colt.transform.cleanup;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.transform.cleanup.AffineOperandFolder.MapOperands;
import dev.colt.transform.rewrite.DeadCodeEliminator;
import dev.colt.transform.rewrite.IrRewriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Brings a function to canonical form, repeating until nothing changes (or a bound is hit):
 * <ul>
 *   <li>constants are deduplicated and hoisted to the top of the function body;
 *   <li>ops fold through {@link OpDefinition#fold} when their operands are constants, and the
 *       resulting attributes are materialized as {@code arith.constant}; ops that
 *       {@link OpDefinition#foldToValue fold to an existing value} are replaced by it;
 *   <li>affine maps of {@code affine.apply/min/max/load/store/vector_load/vector_store/for} absorb
 *       constant operands and producing {@code affine.apply} ops and are simplified; constant
 *       applies become constants, identity applies disappear, constant min/max fold, the
 *       constant results of a loop's min/max bound list merge into one;
 *   <li>{@code affine.for} loops that never run are removed (results = initial values), loops that
 *       run once are promoted into their parent when {@code promoteSingleIteration} holds, and
 *       loops whose body only yields its iteration arguments are removed;
 *   <li>{@code affine.if} ops whose condition constant operands decide are replaced by the
 *       branch taken;
 *   <li>PURE ops whose results are unused are removed.
 * </ul>
 * Precondition: the op is a {@code func.func} (or another op whose first region's entry block may
 * hold constants for everything nested in it) and is valid IR. The result is valid IR.
 */
public final class Canonicalizer {
  /** Tuning knobs. */
  public record Options(int maxIterations, boolean promoteSingleIteration) {
    public static final Options DEFAULT = new Options(10, true);
  }

  private final Options options;

  public Canonicalizer(Options options) {
    this.options = options;
  }

  /** The canonical form of {@code function}; the same object when already canonical. */
  public Operation run(Operation function) {
    Operation current = function;
    for (int i = 0; i < Math.max(1, options.maxIterations()); i++) {
      Step step = new Step();
      IrRewriter rewriter = new IrRewriter(step);
      step.rewriter = rewriter;
      Operation rewritten = rewriter.rewriteRegionsOf(current);
      rewritten = placeConstants(rewritten, step.pool.ops());
      DeadCodeEliminator.Result dce = DeadCodeEliminator.run(rewritten,
          op -> ConstantPool.isConstant(op) || DeadCodeEliminator.isRemovable(op));
      boolean changed = rewriter.changed() || dce.removed() > 0;
      Operation next = dce.op();
      if (!changed) {
        return next.equals(current) ? current : next;
      }
      current = next;
    }
    return current;
  }

  private static Operation placeConstants(Operation function, List<Operation> constants) {
    if (function.regions().isEmpty() || function.region(0).blocks().isEmpty()) {
      return function;
    }
    Block entry = function.body();
    List<Operation> ops = new ArrayList<>(constants);
    ops.addAll(entry.operations());
    return function.withBody(entry.withOperations(ops));
  }

  /** One sweep's visitor: holds the constant pool and applies the patterns to each op. */
  private final class Step implements IrRewriter.Visitor {
    final ConstantPool pool = new ConstantPool();
    IrRewriter rewriter;
    private final AffineOperandFolder folder = new AffineOperandFolder(
        v -> pool.valueOf(rewriterLookup(v)), v -> rewriter.definingOp(v));

    private Value rewriterLookup(Value v) {
      return rewriter.lookup(v);
    }

    @Override
    public void visit(Operation op, IrRewriter rw) {
      if (ConstantPool.isConstant(op)) {
        Value v = pool.add(op);
        if (v != op.result()) {
          rw.replace(op, List.of(v));
        }
        return;
      }
      boolean handled = switch (op.name()) {
        case "affine.apply" -> applyOp(op, rw);
        case "affine.min", "affine.max" -> minMaxOp(op, rw);
        case "affine.load", "affine.vector_load" -> accessOp(op, 1, rw);
        case "affine.store", "affine.vector_store" -> accessOp(op, 2, rw);
        case "affine.for" -> forOp(op, rw);
        case "affine.if" -> ifOp(op, rw);
        default -> false;
      };
      if (handled) {
        return;
      }
      if (fold(op, rw)) {
        return;
      }
      rw.emit(op);
    }

    private boolean fold(Operation op, IrRewriter rw) {
      OpDefinition def = OpRegistry.global().lookup(op.name());
      if (def == null || !op.regions().isEmpty() || op.results().isEmpty()) {
        return false;
      }
      List<Attribute> constants = new ArrayList<>(op.operands().size());
      for (Value v : op.operands()) {
        constants.add(pool.valueOf(v));
      }
      List<Attribute> folded;
      try {
        folded = def.fold(op, constants);
      } catch (RuntimeException e) {
        return false;
      }
      if (folded == null && op.results().size() == 1) {
        Value same;
        try {
          same = def.foldToValue(op, constants);
        } catch (RuntimeException e) {
          return false;
        }
        if (same != null && same.type().equals(op.result().type())) {
          rw.replace(op, List.of(same));
          return true;
        }
        return false;
      }
      if (folded == null || folded.size() != op.results().size()) {
        return false;
      }
      List<Value> replacements = new ArrayList<>();
      for (int i = 0; i < folded.size(); i++) {
        Value v = folded.get(i) == null ? null
            : pool.materialize(folded.get(i), op.result(i).type());
        if (v == null) {
          return false;
        }
        replacements.add(v);
      }
      rw.replace(op, replacements);
      return true;
    }

    private Value indexConstant(long c) {
      return pool.materialize(Attribute.index(c), IndexType.INSTANCE);
    }

    private static AffineMap mapAttr(Operation op, String name) {
      return op.attr(name) instanceof Attribute.AffineMapAttr m ? m.map() : null;
    }

    private boolean applyOp(Operation op, IrRewriter rw) {
      AffineMap map = mapAttr(op, "map");
      if (map == null || map.numResults() != 1 || map.numInputs() != op.operands().size()) {
        return false;
      }
      MapOperands before = new MapOperands(map, op.operands());
      MapOperands after = folder.fold(map, op.operands());
      return emitSingleResult(op, after, !after.sameAs(before), rw);
    }

    /** Replaces a single-result map op by a constant or operand when possible, else re-emits. */
    private boolean emitSingleResult(Operation op, MapOperands after, boolean changed,
        IrRewriter rw) {
      AffineMap m = after.map();
      if (m.isSingleConstant()) {
        rw.replace(op, List.of(indexConstant(m.singleConstant())));
        return true;
      }
      if (m.isSingleInput()) {
        rw.replace(op, List.of(after.operands().get(0)));
        return true;
      }
      if (!changed) {
        return false;
      }
      rw.emit(new Operation("affine.apply", after.operands(), op.results(),
          withAttr(op.attributes(), "map", new Attribute.AffineMapAttr(m)), List.of(),
          op.location()));
      rw.markChanged();
      return true;
    }

    private boolean minMaxOp(Operation op, IrRewriter rw) {
      AffineMap map = mapAttr(op, "map");
      if (map == null || map.numResults() == 0 || map.numInputs() != op.operands().size()) {
        return false;
      }
      MapOperands after = folder.fold(map, op.operands());
      LinkedHashSet<AffineExpr> unique = new LinkedHashSet<>(after.map().results());
      boolean allConstant = unique.stream().allMatch(e -> e instanceof AffineExpr.Constant);
      boolean isMin = op.is("affine.min");
      if (allConstant) {
        long best = isMin ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (AffineExpr e : unique) {
          long c = ((AffineExpr.Constant) e).value();
          best = isMin ? Math.min(best, c) : Math.max(best, c);
        }
        rw.replace(op, List.of(indexConstant(best)));
        return true;
      }
      AffineMap deduped = new AffineMap(after.map().numDims(), after.map().numSymbols(),
          new ArrayList<>(unique));
      MapOperands result = new MapOperands(deduped, after.operands());
      boolean changed = !result.sameAs(new MapOperands(map, op.operands()));
      if (deduped.numResults() == 1) {
        return emitSingleResult(op, result, true, rw);
      }
      if (!changed) {
        return false;
      }
      rw.emit(new Operation(op.name(), result.operands(), op.results(),
          withAttr(op.attributes(), "map", new Attribute.AffineMapAttr(deduped)), List.of(),
          op.location()));
      rw.markChanged();
      return true;
    }

    private boolean accessOp(Operation op, int firstMapOperand, IrRewriter rw) {
      AffineMap map = mapAttr(op, "map");
      if (map == null || op.operands().size() != firstMapOperand + map.numInputs()) {
        return false;
      }
      List<Value> mapOperands = op.operands().subList(firstMapOperand, op.operands().size());
      MapOperands after = folder.fold(map, mapOperands);
      if (after.sameAs(new MapOperands(map, mapOperands))) {
        return false;
      }
      List<Value> operands = new ArrayList<>(op.operands().subList(0, firstMapOperand));
      operands.addAll(after.operands());
      rw.emit(new Operation(op.name(), operands, op.results(),
          withAttr(op.attributes(), "map", new Attribute.AffineMapAttr(after.map())),
          op.regions(), op.location()));
      rw.markChanged();
      return true;
    }

    private boolean forOp(Operation op, IrRewriter rw) {
      AffineMap lb = mapAttr(op, "lowerBoundMap");
      AffineMap ub = mapAttr(op, "upperBoundMap");
      if (lb == null || ub == null || !(op.attr("operandSegmentSizes")
          instanceof Attribute.DenseArrayAttr seg) || seg.size() != 3
          || !(op.attr("step") instanceof Attribute.IntegerAttr stepAttr)
          || op.regions().size() != 1 || op.region(0).blocks().size() != 1) {
        return false;
      }
      int nLb = (int) seg.get(0);
      int nUb = (int) seg.get(1);
      List<Value> operands = op.operands();
      if (nLb != lb.numInputs() || nUb != ub.numInputs()
          || operands.size() != nLb + nUb + seg.get(2)) {
        return false;
      }
      MapOperands lbBefore = new MapOperands(lb, operands.subList(0, nLb));
      MapOperands ubBefore = new MapOperands(ub, operands.subList(nLb, nLb + nUb));
      List<Value> inits = operands.subList(nLb + nUb, operands.size());
      MapOperands lbAfter = collapseBound(folder.fold(lb, lbBefore.operands()), false);
      MapOperands ubAfter = collapseBound(folder.fold(ub, ubBefore.operands()), true);
      Block body = op.body();
      long step = stepAttr.value();

      Long trips = tripCount(lbAfter.map(), ubAfter.map(), step);
      if (trips != null && trips == 0) {
        rw.replace(op, inits);
        return true;
      }
      if (onlyForwardsIterArgs(body, inits.size())) {
        rw.replace(op, inits);
        return true;
      }
      if (trips != null && trips == 1 && options.promoteSingleIteration()) {
        promote(op, body, lbAfter.map().results().stream()
            .mapToLong(e -> ((AffineExpr.Constant) e).value()).max().orElseThrow(), inits, rw);
        return true;
      }
      if (lbAfter.sameAs(lbBefore) && ubAfter.sameAs(ubBefore)) {
        return false;
      }
      List<Value> newOperands = new ArrayList<>(lbAfter.operands());
      newOperands.addAll(ubAfter.operands());
      newOperands.addAll(inits);
      SortedMap<String, Attribute> attrs = withAttr(op.attributes(), "lowerBoundMap",
          new Attribute.AffineMapAttr(lbAfter.map()));
      attrs.put("upperBoundMap", new Attribute.AffineMapAttr(ubAfter.map()));
      attrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(
          lbAfter.operands().size(), ubAfter.operands().size(), inits.size()));
      rw.emit(new Operation(op.name(), newOperands, op.results(), attrs,
          op.regions(), op.location()));
      rw.markChanged();
      return true;
    }

    /**
     * Drops repeated results of a bound map and merges its constant results into one (the
     * smallest for an upper bound, which takes the min, the largest for a lower bound).
     */
    private static MapOperands collapseBound(MapOperands bound, boolean isUpper) {
      AffineMap m = bound.map();
      List<AffineExpr> results = new ArrayList<>();
      Long constant = null;
      for (AffineExpr e : new LinkedHashSet<>(m.results())) {
        if (e instanceof AffineExpr.Constant c) {
          constant = constant == null ? c.value()
              : isUpper ? Math.min(constant, c.value()) : Math.max(constant, c.value());
        } else {
          results.add(e);
        }
      }
      if (constant != null) {
        results.add(AffineExpr.constant(constant));
      }
      if (results.equals(m.results())) {
        return bound;
      }
      return new MapOperands(new AffineMap(m.numDims(), m.numSymbols(), results),
          bound.operands());
    }

    /**
     * Replaces an {@code affine.if} whose condition is decided by constant operands with the
     * branch it takes (nothing when that is an absent else branch).
     */
    private boolean ifOp(Operation op, IrRewriter rw) {
      if (!(op.attr("condition") instanceof Attribute.IntegerSetAttr setAttr)
          || setAttr.set().numInputs() != op.operands().size() || op.regions().size() != 2) {
        return false;
      }
      IntegerSet set = setAttr.set();
      List<AffineExpr> dims = new ArrayList<>();
      List<AffineExpr> symbols = new ArrayList<>();
      for (int i = 0; i < op.operands().size(); i++) {
        AffineExpr replacement = pool.valueOf(op.operand(i)) instanceof Attribute.IntegerAttr c
            ? AffineExpr.constant(c.value())
            : i < set.numDims() ? AffineExpr.dim(i) : AffineExpr.symbol(i - set.numDims());
        (i < set.numDims() ? dims : symbols).add(replacement);
      }
      boolean holds = true;
      for (int k = 0; k < set.constraints().size(); k++) {
        AffineExpr e = set.constraints().get(k).replace(dims, symbols).simplify();
        if (!(e instanceof AffineExpr.Constant c)) {
          return false;
        }
        holds &= set.equalities().get(k) ? c.value() == 0 : c.value() >= 0;
      }
      dev.colt.ir.Region taken = op.region(holds ? 0 : 1);
      if (taken.blocks().isEmpty()) {
        if (!op.results().isEmpty()) {
          return false;
        }
        rw.markChanged();
        return true;
      }
      Block block = taken.entry();
      for (Operation inner : block.withoutTerminator()) {
        rw.process(inner);
      }
      Operation yield = block.terminator();
      for (int k = 0; k < op.results().size(); k++) {
        rw.mapValue(op.result(k), rw.lookup(yield.operand(k)));
      }
      rw.markChanged();
      return true;
    }

    /** Moves the body of a loop that runs exactly once (at {@code iv}) into the parent block. */
    private void promote(Operation loop, Block body, long iv, List<Value> inits, IrRewriter rw) {
      rw.mapValue(body.arguments().get(0), indexConstant(iv));
      for (int k = 0; k < inits.size(); k++) {
        rw.mapValue(body.arguments().get(k + 1), inits.get(k));
      }
      for (Operation inner : body.withoutTerminator()) {
        rw.process(inner);
      }
      Operation yield = body.terminator();
      for (int k = 0; k < loop.results().size(); k++) {
        rw.mapValue(loop.result(k), rw.lookup(yield.operand(k)));
      }
      rw.markChanged();
    }
  }

  /** True when the body is only a terminator yielding each iteration argument unchanged. */
  private static boolean onlyForwardsIterArgs(Block body, int numIterArgs) {
    if (body.operations().size() != 1 || body.terminator().operands().size() != numIterArgs) {
      return false;
    }
    for (int k = 0; k < numIterArgs; k++) {
      if (body.terminator().operand(k) != body.arguments().get(k + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The trip count when both bounds are constant (max of lower, min of upper), else null. */
  static Long tripCount(AffineMap lb, AffineMap ub, long step) {
    if (step <= 0 || lb.numResults() == 0 || ub.numResults() == 0) {
      return null;
    }
    long lo = Long.MIN_VALUE;
    for (AffineExpr e : lb.results()) {
      if (!(e instanceof AffineExpr.Constant c)) {
        return null;
      }
      lo = Math.max(lo, c.value());
    }
    long hi = Long.MAX_VALUE;
    for (AffineExpr e : ub.results()) {
      if (!(e instanceof AffineExpr.Constant c)) {
        return null;
      }
      hi = Math.min(hi, c.value());
    }
    return hi <= lo ? 0L : Math.ceilDiv(hi - lo, step);
  }

  private static SortedMap<String, Attribute> withAttr(Map<String, Attribute> attrs, String key,
      Attribute value) {
    SortedMap<String, Attribute> out = new TreeMap<>(attrs);
    out.put(key, value);
    return out;
  }
}
