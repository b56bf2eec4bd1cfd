// arith.minimumf: IEEE 754-2019 minimum (NaN-propagating).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.minimumf}: the smaller operand; NaN if either is NaN; {@code -0.0 < +0.0}. */
public final class MinimumFOp extends ElementwiseOp {
  public static final String NAME = "arith.minimumf";

  public MinimumFOp() {
    super(NAME, 2, ElementKind.FLOAT, true);
  }

  /** Builds {@code arith.minimumf %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> Math.min(x[0], x[1]));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return op.operand(0) == op.operand(1) ? op.operand(0) : null;
  }
}
