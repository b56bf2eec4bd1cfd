// math.erf: the error function.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;

/**
 * {@code math.erf}: the Gauss error function. Not folded (no correctly rounded reference).
 */
public final class ErfOp extends ElementwiseOp {
  public static final String NAME = "math.erf";

  public ErfOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.erf %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }
}
