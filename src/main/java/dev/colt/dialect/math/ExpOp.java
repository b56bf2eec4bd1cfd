// math.exp: the base-e exponential.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;

/**
 * {@code math.exp}: e raised to the operand. Not folded: the JDK and the C
 * library may differ in the last bit.
 */
public final class ExpOp extends ElementwiseOp {
  public static final String NAME = "math.exp";

  public ExpOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.exp %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }
}
