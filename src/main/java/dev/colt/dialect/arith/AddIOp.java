// arith.addi: integer addition with wrap-around.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.addi}: addition modulo 2^width; {@code x + 0} folds to {@code x}. */
public final class AddIOp extends ElementwiseOp {
  public static final String NAME = "arith.addi";

  public AddIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.addi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> x[0] + x[1]);
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    if (IntIdentities.isZero(c.get(1))) {
      return op.operand(0);
    }
    if (IntIdentities.isZero(c.get(0))) {
      return op.operand(1);
    }
    return null;
  }
}
