// arith.ceildivsi: signed integer division rounding toward positive infinity.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.ceildivsi}: signed division rounding up. Division by zero and operands equal to the
 * type's minimum do not fold (as in MLIR, whose folder and lowering negate operands); {@code x / 1}
 * folds to {@code x}.
 */
public final class CeilDivSIOp extends ElementwiseOp {
  public static final String NAME = "arith.ceildivsi";

  public CeilDivSIOp() {
    super(NAME, 2, ElementKind.INTEGER, false);
  }

  /** Builds {@code arith.ceildivsi %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    long min = ArithSemantics.minSigned(IntIdentities.width(op));
    // Like MLIR's folder: no folding when a sign flip of an operand would overflow (the common
    // lowering computes -n / m, which is wrong for n = MIN), nor for division by zero.
    return ConstantFolder.ints(op, c, x -> x[1] == 0
        || (x[0] != 0 && (x[0] == min || x[1] == min)) ? null : Math.ceilDiv(x[0], x[1]));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return IntIdentities.isOne(c.get(1)) ? op.operand(0) : null;
  }
}
