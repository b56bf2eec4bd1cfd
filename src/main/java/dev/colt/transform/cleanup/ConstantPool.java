// The constants of one function, deduplicated and placed at the start of its body.
package dev.colt.transform.cleanup;

import dev.colt.dialect.arith.ConstantOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects constant ops ({@code arith.constant} and other CONSTANT_LIKE ops with a {@code value}
 * attribute) so that each distinct constant is defined once, at the top of the function body, where
 * it dominates every use. Also materializes folded attributes as new {@code arith.constant} ops.
 */
final class ConstantPool {
  static final String CONSTANT_OP = ConstantOp.NAME;

  private record Key(String opName, Attribute value, Type type) {}

  private final Map<Key, Operation> ops = new LinkedHashMap<>();
  private final Map<Value, Attribute> values = new IdentityHashMap<>();

  /** True for an op this pool can take: a constant with a {@code value} attribute, one result. */
  static boolean isConstant(Operation op) {
    return op.results().size() == 1 && op.operands().isEmpty() && op.regions().isEmpty()
        && op.attr("value") != null
        && (op.is(CONSTANT_OP) || OpRegistry.global().hasTrait(op, OpTrait.CONSTANT_LIKE));
  }

  /**
   * Adds a constant op; returns the value that now stands for it (its own result when it is new,
   * the result of an equal earlier constant otherwise).
   */
  Value add(Operation constant) {
    Key key = new Key(constant.name(), constant.attr("value"), constant.result().type());
    Operation existing = ops.putIfAbsent(key, constant);
    if (existing != null) {
      return existing.result();
    }
    values.put(constant.result(), constant.attr("value"));
    return constant.result();
  }

  /** The constant {@code attr} as a value of {@code type}, or null when it cannot be expressed. */
  Value materialize(Attribute attr, Type type) {
    Attribute value = switch (attr) {
      case Attribute.IntegerAttr i when type.isIntOrIndex() ->
          new Attribute.IntegerAttr(i.value(), type);
      case Attribute.FloatAttr f when type instanceof FloatType ft ->
          new Attribute.FloatAttr(f.value(), ft);
      case Attribute.DenseElementsAttr d when type instanceof ShapedType && d.type().equals(type) ->
          d;
      default -> null;
    };
    if (value == null) {
      return null;
    }
    return add(Operation.create(CONSTANT_OP, List.of(), List.of(type), Map.of("value", value)));
  }

  /** The constant attribute of {@code v} when it is defined by a pooled constant, else null. */
  Attribute valueOf(Value v) {
    return values.get(v);
  }

  /** The pooled constant ops, in order of first appearance. */
  List<Operation> ops() {
    return new ArrayList<>(ops.values());
  }
}
