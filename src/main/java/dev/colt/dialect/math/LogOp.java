// math.log: the natural logarithm.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;

/**
 * {@code math.log}: the natural logarithm. Not folded: the JDK and the C library may differ in
 * the last bit.
 */
public final class LogOp extends ElementwiseOp {
  public static final String NAME = "math.log";

  public LogOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.log %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }
}
