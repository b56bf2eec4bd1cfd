// arith.ori: bitwise or.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.ori}: bitwise or; {@code x | 0} and {@code x | x} fold to {@code x}. */
public final class OrIOp extends ElementwiseOp {
  public static final String NAME = "arith.ori";

  public OrIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.ori %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> x[0] | x[1]);
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    if (op.operand(0) == op.operand(1) || IntIdentities.isZero(c.get(1))) {
      return op.operand(0);
    }
    return IntIdentities.isZero(c.get(0)) ? op.operand(1) : null;
  }
}
