// arith.minsi: signed integer minimum.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.minsi}: the smaller operand, compared as signed numbers. */
public final class MinSIOp extends ElementwiseOp {
  public static final String NAME = "arith.minsi";

  public MinSIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.minsi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> Math.min(x[0], x[1]));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return op.operand(0) == op.operand(1) ? op.operand(0) : null;
  }
}
