// arith.maximumf: IEEE 754-2019 maximum (NaN-propagating).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.maximumf}: the larger operand; NaN if either is NaN; {@code +0.0 > -0.0}. */
public final class MaximumFOp extends ElementwiseOp {
  public static final String NAME = "arith.maximumf";

  public MaximumFOp() {
    super(NAME, 2, ElementKind.FLOAT, true);
  }

  /** Builds {@code arith.maximumf %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> Math.max(x[0], x[1]));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return op.operand(0) == op.operand(1) ? op.operand(0) : null;
  }
}
