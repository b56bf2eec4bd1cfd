// arith.muli: integer multiplication with wrap-around.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.muli}: multiplication modulo 2^width; {@code x * 1} folds to {@code x},
 * {@code x * 0} to 0.
 */
public final class MulIOp extends ElementwiseOp {
  public static final String NAME = "arith.muli";

  public MulIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.muli %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    if (IntIdentities.isZero(c.get(0)) || IntIdentities.isZero(c.get(1))) {
      return List.of(ConstantFolder.map(op.result().type(), i -> 0L));
    }
    return ConstantFolder.ints(op, c, x -> x[0] * x[1]);
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    if (IntIdentities.isOne(c.get(1))) {
      return op.operand(0);
    }
    if (IntIdentities.isOne(c.get(0))) {
      return op.operand(1);
    }
    return null;
  }
}
