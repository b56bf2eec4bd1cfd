// arith.remsi: signed integer remainder.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.remsi}: remainder of truncated signed division, with the sign of the dividend; a
 * zero divisor does not fold.
 */
public final class RemSIOp extends ElementwiseOp {
  public static final String NAME = "arith.remsi";

  public RemSIOp() {
    super(NAME, 2, ElementKind.INTEGER, false);
  }

  /** Builds {@code arith.remsi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> x[1] == 0 ? null : x[0] % x[1]);
  }
}
