// arith.xori: bitwise exclusive or.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.xori}: bitwise exclusive or; {@code x ^ 0} folds to {@code x}, {@code x ^ x} to 0.
 */
public final class XOrIOp extends ElementwiseOp {
  public static final String NAME = "arith.xori";

  public XOrIOp() {
    super(NAME, 2, ElementKind.INTEGER, true);
  }

  /** Builds {@code arith.xori %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    if (op.operand(0) == op.operand(1)) {
      return List.of(ConstantFolder.map(op.result().type(), i -> 0L));
    }
    return ConstantFolder.ints(op, c, x -> x[0] ^ x[1]);
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
