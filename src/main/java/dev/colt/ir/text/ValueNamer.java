// Assigns SSA value names and block labels the way mlir-opt numbers them.
package dev.colt.ir.text;

import dev.colt.ir.Block;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * MLIR's numbering: each region is numbered as a whole (entry block arguments {@code %argN}, other
 * block arguments and op results {@code %N}, one number per op with results {@code %N#i}), then
 * each nested region continues from the counters its parent region ended with. Blocks are
 * {@code ^bbN} by position in their region.
 */
final class ValueNamer {
  private final Map<Value, String> names = new IdentityHashMap<>();
  private final Map<Value, String> groupIds = new IdentityHashMap<>();
  private final Map<Block, String> blockNames = new IdentityHashMap<>();

  private record Pending(Region region, int nextValue, int nextArgument) {}

  ValueNamer(Operation root) {
    int nextValue = 0;
    nextValue = numberResults(root, nextValue);
    Deque<Pending> stack = new ArrayDeque<>();
    for (Region r : root.regions()) {
      stack.push(new Pending(r, nextValue, 0));
    }
    while (!stack.isEmpty()) {
      Pending p = stack.pop();
      int value = p.nextValue();
      int argument = p.nextArgument();
      int blockIndex = 0;
      for (Block b : p.region().blocks()) {
        blockNames.put(b, "bb" + blockIndex);
        for (Value a : b.arguments()) {
          names.putIfAbsent(a, blockIndex == 0 ? "arg" + argument++ : Integer.toString(value++));
        }
        for (Operation op : b.operations()) {
          value = numberResults(op, value);
        }
        blockIndex++;
      }
      for (Block b : p.region().blocks()) {
        for (Operation op : b.operations()) {
          for (Region r : op.regions()) {
            stack.push(new Pending(r, value, argument));
          }
        }
      }
    }
  }

  private int numberResults(Operation op, int next) {
    if (op.results().isEmpty()) {
      return next;
    }
    String id = Integer.toString(next);
    groupIds.put(op.results().get(0), id);
    if (op.results().size() == 1) {
      names.putIfAbsent(op.results().get(0), id);
    } else {
      for (int i = 0; i < op.results().size(); i++) {
        names.putIfAbsent(op.results().get(i), id + "#" + i);
      }
    }
    return next + 1;
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
