// arith.addf: floating-point addition.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.addf}: IEEE addition rounded to the result type. {@code x + 0.0} is not folded
 * ({@code -0.0 + 0.0 = +0.0}); {@code x + -0.0} folds to {@code x}.
 */
public final class AddFOp extends ElementwiseOp {
  public static final String NAME = "arith.addf";

  public AddFOp() {
    super(NAME, 2, ElementKind.FLOAT, true);
  }

  /** Builds {@code arith.addf %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> x[0] + x[1]);
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    if (FloatIdentities.isNegZero(c.get(1))) {
      return op.operand(0);
    }
    if (FloatIdentities.isNegZero(c.get(0))) {
      return op.operand(1);
    }
    return null;
  }
}
