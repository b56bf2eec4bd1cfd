// Common subexpression elimination of side-effect-free ops within dominance scopes.
package dev.colt.transform.cleanup;

import dev.colt.ir.Attribute;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.transform.rewrite.IrRewriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Replaces an op by an earlier equal one that dominates it. Two ops are equal when they have the
 * same name, the same operand values (in order), equal attributes and the same result types. Only
 * registered PURE ops without regions take part. An op is visible to the ops after it in its block
 * and to everything nested in those ops (each region opens a scope that closes with it), which is
 * exactly dominance for single-block regions. Precondition: valid IR; the result is valid IR.
 */
public final class CommonSubexpressionEliminator {
  private CommonSubexpressionEliminator() {}

  /** The identity of an op for CSE; values compare by identity. */
  private record Key(String name, List<ValueRef> operands, SortedMap<String, Attribute> attributes,
      List<Type> resultTypes) {}

  /** A value compared by identity. */
  private record ValueRef(Value value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ValueRef r && r.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  /** The result of a run: the new op and how many ops were replaced. */
  public record Result(Operation op, int eliminated) {}

  /** Eliminates common subexpressions in the regions of {@code root}. */
  public static Result run(Operation root) {
    Scopes scopes = new Scopes();
    IrRewriter rewriter = new IrRewriter(scopes);
    Operation out = rewriter.rewriteRegionsOf(root);
    return new Result(out, scopes.eliminated);
  }

  /** A scope whose ops cannot see values from enclosing scopes. */
  private static final class IsolatedScope extends HashMap<Key, Operation> {
    private static final long serialVersionUID = 1L;
  }

  private static final class Scopes implements IrRewriter.Visitor {
    private final Deque<Map<Key, Operation>> scopes = new ArrayDeque<>();
    int eliminated;

    Scopes() {
      scopes.push(new HashMap<>());
    }

    @Override
    public void visit(Operation op, IrRewriter rw) {
      OpRegistry registry = OpRegistry.global();
      if (!op.regions().isEmpty() || op.results().isEmpty()
          || !registry.hasTrait(op, OpTrait.PURE)) {
        rw.emit(op);
        return;
      }
      Key key = new Key(op.name(), op.operands().stream().map(ValueRef::new).toList(),
          op.attributes(), op.results().stream().map(Value::type).toList());
      for (Map<Key, Operation> scope : scopes) {
        Operation existing = scope.get(key);
        if (existing != null) {
          rw.replace(op, existing.results());
          eliminated++;
          return;
        }
        if (scope instanceof IsolatedScope) {
          break;
        }
      }
      scopes.peek().put(key, op);
      rw.emit(op);
    }

    @Override
    public void enterRegion(Operation parent, int index) {
      scopes.push(OpRegistry.global().hasTrait(parent, OpTrait.ISOLATED_FROM_ABOVE)
          ? new IsolatedScope() : new HashMap<>());
    }

    @Override
    public void exitRegion(Operation parent, int index) {
      scopes.pop();
    }
  }
}
