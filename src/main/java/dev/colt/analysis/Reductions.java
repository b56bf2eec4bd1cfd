// Recognizes reductions: iter_args accumulators and load-combine-store accumulations into one element.
package dev.colt.analysis;

import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds reductions over a loop. An iter_args reduction yields {@code combine(acc, x)} where the
 * iter arg {@code acc} has no other use. A memory reduction loads an element whose address does
 * not depend on the loop, combines it with a value that does not depend on the load, and stores
 * it back to the same address, with no other access to that memref inside the loop. Combiners are
 * associative and commutative arith ops (float ones only up to reassociation).
 */
public final class Reductions {

  /** The combining operators recognized, by op name, with the vector.reduction kind each maps to. */
  public static final Map<String, String> COMBINERS = Map.ofEntries(
      Map.entry("arith.addf", "add"), Map.entry("arith.mulf", "mul"),
      Map.entry("arith.addi", "add"), Map.entry("arith.muli", "mul"),
      Map.entry("arith.maximumf", "maximumf"), Map.entry("arith.minimumf", "minimumf"),
      Map.entry("arith.maxnumf", "maxnumf"), Map.entry("arith.minnumf", "minnumf"),
      Map.entry("arith.maxsi", "maxsi"), Map.entry("arith.minsi", "minsi"),
      Map.entry("arith.andi", "and"), Map.entry("arith.ori", "or"),
      Map.entry("arith.xori", "xor"));

  /** A reduction the analysis recognized. */
  public sealed interface Reduction {
    LoopForest.Loop loop();

    /** The combining op. */
    Operation combiner();

    /** The vector.reduction kind of the combiner ("add", "mul", "maximumf", ...). */
    default String kind() {
      return COMBINERS.get(combiner().name());
    }
  }

  /** {@code iter_args(acc)} with {@code yield combine(acc, x)}. */
  public record IterArgReduction(LoopForest.Loop loop, int index, Operation combiner)
      implements Reduction {}

  /** {@code m[f] = combine(m[f], x)} inside a loop that f does not depend on. */
  public record MemoryReduction(LoopForest.Loop loop, Operation load, Operation store,
      Operation combiner) implements Reduction {}

  private Reductions() {}

  /** Every iter_args reduction of {@code loop}. */
  public static List<IterArgReduction> iterArgReductions(LoopForest forest, LoopForest.Loop loop) {
    List<IterArgReduction> out = new ArrayList<>();
    Operation forOp = loop.op();
    List<Value> args = AffineOps.iterArgs(forOp);
    List<Value> yielded = AffineOps.yielded(forOp);
    for (int i = 0; i < args.size(); i++) {
      Operation comb = forest.definingOp(yielded.get(i));
      Value acc = args.get(i);
      if (comb == null || !COMBINERS.containsKey(comb.name())
          || forest.parentOp(comb) != forOp || comb.operands().size() != 2) {
        continue;
      }
      int accSide = comb.operand(0) == acc ? 0 : comb.operand(1) == acc ? 1 : -1;
      if (accSide < 0 || comb.operand(1 - accSide) == acc || uses(forOp, acc) != 1) {
        continue;
      }
      out.add(new IterArgReduction(loop, i, comb));
    }
    return out;
  }

  /** Every memory reduction over {@code loop}, given the accesses of its function. */
  public static List<MemoryReduction> memoryReductions(LoopForest forest, List<Access> accesses,
      LoopForest.Loop loop) {
    List<MemoryReduction> out = new ArrayList<>();
    Map<Value, List<Access>> byMemref = new IdentityHashMap<>();
    for (Access a : accesses) {
      if (forest.isInside(a.op(), loop.op())) {
        byMemref.computeIfAbsent(a.memref(), k -> new ArrayList<>()).add(a);
      }
    }
    for (List<Access> group : byMemref.values()) {
      if (group.size() != 2) {
        continue;
      }
      Access load = group.get(0);
      Access store = group.get(1);
      if (load.write() || !store.write() || load.width() != 1 || store.width() != 1
          || !load.isExact() || !load.subscripts().equals(store.subscripts())
          || load.dependsOn(loop)
          || forest.parentOp(load.op()) != forest.parentOp(store.op())) {
        continue;
      }
      Operation comb = forest.definingOp(AffineOps.storedValue(store.op()));
      if (comb == null || !COMBINERS.containsKey(comb.name()) || comb.operands().size() != 2) {
        continue;
      }
      Value loaded = load.op().result();
      int side = comb.operand(0) == loaded ? 0 : comb.operand(1) == loaded ? 1 : -1;
      if (side < 0 || comb.operand(1 - side) == loaded || uses(loop.op(), loaded) != 1) {
        continue;
      }
      out.add(new MemoryReduction(loop, load.op(), store.op(), comb));
    }
    return out;
  }

  /** The number of operand slots under {@code scope} that use {@code v}. */
  public static int uses(Operation scope, Value v) {
    int[] n = {0};
    scope.walk(op -> {
      for (Value o : op.operands()) {
        if (o == v) {
          n[0]++;
        }
      }
    });
    return n[0];
  }

  /** True when {@code v} is one of {@code values} or computed (transitively, inside scope) from one. */
  public static boolean dependsOnAny(LoopForest forest, Value v, Set<Value> values,
      Operation scope) {
    if (values.contains(v)) {
      return true;
    }
    Operation def = forest.definingOp(v);
    if (def == null || !forest.isInside(def, scope)) {
      return false;
    }
    for (Value o : def.operands()) {
      if (dependsOnAny(forest, o, values, scope)) {
        return true;
      }
    }
    return false;
  }
}
