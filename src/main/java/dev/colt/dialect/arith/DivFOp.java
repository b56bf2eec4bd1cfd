// arith.divf: floating-point division.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.divf}: IEEE division rounded to the result type; {@code x / 1.0} folds to
 * {@code x}.
 */
public final class DivFOp extends ElementwiseOp {
  public static final String NAME = "arith.divf";

  public DivFOp() {
    super(NAME, 2, ElementKind.FLOAT, false);
  }

  /** Builds {@code arith.divf %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> x[0] / x[1]);
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return FloatIdentities.isOne(c.get(1)) ? op.operand(0) : null;
  }
}
