// arith.maxsi: signed integer maximum.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.maxsi}: the larger operand, compared as signed numbers. */
public final class MaxSIOp extends ElementwiseOp {
  public static final String NAME = "arith.maxsi";

  public MaxSIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.maxsi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> Math.max(x[0], x[1]));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return op.operand(0) == op.operand(1) ? op.operand(0) : null;
  }
}
