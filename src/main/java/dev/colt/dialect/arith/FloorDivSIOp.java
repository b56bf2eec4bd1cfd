// arith.floordivsi: signed integer division rounding toward negative infinity.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.floordivsi}: signed division rounding down. Division by zero and
 * {@code MIN / -1} do not fold; {@code x / 1} folds to {@code x}.
 */
public final class FloorDivSIOp extends ElementwiseOp {
  public static final String NAME = "arith.floordivsi";

  public FloorDivSIOp() {
    super(NAME, 2, ElementKind.INTEGER, false);
  }

  /** Builds {@code arith.floordivsi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    int w = IntIdentities.width(op);
    return ConstantFolder.ints(op, c, x -> x[1] == 0 || (x[0] == ArithSemantics.minSigned(w)
        && x[1] == -1) ? null : Math.floorDiv(x[0], x[1]));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return IntIdentities.isOne(c.get(1)) ? op.operand(0) : null;
  }
}
