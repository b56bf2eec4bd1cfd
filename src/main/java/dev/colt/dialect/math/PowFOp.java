// math.powf: a float raised to a float power.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;

/**
 * {@code math.powf}: {@code lhs} raised to {@code rhs}. Not folded: the JDK and the C library may
 * differ in the last bit.
 */
public final class PowFOp extends ElementwiseOp {
  public static final String NAME = "math.powf";

  public PowFOp() {
    super(NAME, 2, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.powf %lhs, %rhs}; all operands of one float type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }
}
