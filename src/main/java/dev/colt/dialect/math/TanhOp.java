// math.tanh: the hyperbolic tangent.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;

/**
 * {@code math.tanh}: the hyperbolic tangent. Not folded: the JDK and the C library may differ in
 * the last bit.
 */
public final class TanhOp extends ElementwiseOp {
  public static final String NAME = "math.tanh";

  public TanhOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.tanh %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }
}
