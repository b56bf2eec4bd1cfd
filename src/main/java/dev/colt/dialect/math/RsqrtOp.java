// math.rsqrt: the reciprocal square root.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;

/**
 * {@code math.rsqrt}: 1 / sqrt(x). Not folded: it lowers to a division of a rounded square root
 * or to an approximation, which need not agree with one rounding.
 */
public final class RsqrtOp extends ElementwiseOp {
  public static final String NAME = "math.rsqrt";

  public RsqrtOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.rsqrt %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }
}
