// Assigns SSA value names and block labels the way mlir-opt numbers them.
package dev.colt.ir.text;

import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.IntegerType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * MLIR's numbering: each region is numbered as a whole (entry block arguments {@code %argN}, other
 * block arguments and op results {@code %N}, one number per op with results {@code %N#i}), then
 * each nested region continues from the counters its parent region ended with. Single results
 * get the name of {@link OpSyntax#resultNameHint} instead when there is one (constant-like ops with
 * a {@code value} attribute: MLIR's arith.constant names {@code %cst}, {@code %c0},
 * {@code %c1_i32}, {@code %true}), made unique within the visible regions with {@code _0},
 * {@code _1}, ... suffixes. Blocks are {@code ^bbN} by position in their region.
 */
final class ValueNamer {
  private final OpRegistry registry = OpRegistry.global();
  private final Map<Value, String> names = new IdentityHashMap<>();
  private final Map<Value, String> groupIds = new IdentityHashMap<>();
  private final Map<Block, String> blockNames = new IdentityHashMap<>();

  /** Names taken in one region, seeing the names of enclosing regions. */
  private record Scope(Set<String> used, Scope parent) {
    boolean contains(String n) {
      return used.contains(n) || (parent != null && parent.contains(n));
    }
  }

  private record Pending(Region region, int nextValue, int nextArgument, int nextConflict,
      Scope parent) {}

  private final boolean useHints;
  private int value;
  private int argument;
  private int conflict;

  /** Names the values under {@code root}; {@code useHints} false gives plain numbers only. */
  ValueNamer(Operation root, boolean useHints) {
    this.useHints = useHints;
    Scope top = new Scope(new HashSet<>(), null);
    numberResults(root, top);
    Deque<Pending> stack = new ArrayDeque<>();
    for (Region r : root.regions()) {
      stack.push(new Pending(r, value, 0, conflict, top));
    }
    while (!stack.isEmpty()) {
      Pending p = stack.pop();
      value = p.nextValue();
      argument = p.nextArgument();
      conflict = p.nextConflict();
      Scope scope = new Scope(new HashSet<>(), p.parent());
      int blockIndex = 0;
      for (Block b : p.region().blocks()) {
        blockNames.put(b, "bb" + blockIndex);
        for (Value a : b.arguments()) {
          if (!names.containsKey(a)) {
            names.put(a, blockIndex == 0 ? unique("arg" + argument++, scope)
                : Integer.toString(value++));
          }
        }
        for (Operation op : b.operations()) {
          numberResults(op, scope);
        }
        blockIndex++;
      }
      for (Block b : p.region().blocks()) {
        for (Operation op : b.operations()) {
          for (Region r : op.regions()) {
            stack.push(new Pending(r, value, argument, conflict, scope));
          }
        }
      }
    }
  }

  private String unique(String name, Scope scope) {
    String n = name;
    if (scope.contains(n)) {
      do {
        n = name + "_" + conflict++;
      } while (scope.contains(n));
    }
    scope.used().add(n);
    return n;
  }

  private void numberResults(Operation op, Scope scope) {
    if (op.results().isEmpty()) {
      return;
    }
    String hint = op.results().size() == 1 && useHints ? nameHint(op) : null;
    String id = hint != null ? unique(hint, scope) : Integer.toString(value++);
    groupIds.put(op.results().get(0), id);
    if (op.results().size() == 1) {
      names.putIfAbsent(op.results().get(0), id);
    } else {
      for (int i = 0; i < op.results().size(); i++) {
        names.putIfAbsent(op.results().get(i), id + "#" + i);
      }
    }
  }

  /** The op's own hint, else arith.constant's names for any constant-like op with a value. */
  private String nameHint(Operation op) {
    OpDefinition def = registry.lookup(op.name());
    OpSyntax syntax = OperationParser.syntaxFor(def);
    String own = syntax == null ? null : syntax.resultNameHint(op);
    if (own != null) {
      return own;
    }
    if (def == null || !def.hasTrait(OpTrait.CONSTANT_LIKE)) {
      return null;
    }
    Attribute v = op.attr("value");
    if (v instanceof Attribute.IntegerAttr i) {
      if (i.type() instanceof IntegerType it && it.width() == 1) {
        return i.value() != 0 ? "true" : "false";
      }
      return "c" + i.value() + (i.type() instanceof IntegerType ? "_" + i.type() : "");
    }
    return v == null ? null : "cst";
  }

  /** The name of {@code v} without {@code %}, or null when it is not defined under the root. */
  String name(Value v) {
    return names.get(v);
  }

  /** The group number printed before {@code = } for an op whose first result is {@code first}. */
  String groupId(Value first) {
    return groupIds.get(first);
  }

  String blockName(Block b) {
    String n = blockNames.get(b);
    return n == null ? "bb?" : n;
  }
}
