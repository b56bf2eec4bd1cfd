// arith.andi: bitwise and.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.andi}: bitwise and; {@code x & -1} and {@code x & x} fold to {@code x},
 * {@code x & 0} to 0.
 */
public final class AndIOp extends ElementwiseOp {
  public static final String NAME = "arith.andi";

  public AndIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.andi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    if (IntIdentities.isZero(c.get(0)) || IntIdentities.isZero(c.get(1))) {
      return List.of(ConstantFolder.map(op.result().type(), i -> 0L));
    }
    return ConstantFolder.ints(op, c, x -> x[0] & x[1]);
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    if (op.operand(0) == op.operand(1) || IntIdentities.isAllOnes(c.get(1))) {
      return op.operand(0);
    }
    return IntIdentities.isAllOnes(c.get(0)) ? op.operand(1) : null;
  }
}
