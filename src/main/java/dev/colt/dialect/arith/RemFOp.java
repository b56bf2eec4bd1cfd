// arith.remf: floating-point remainder (C fmod).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.remf}: the remainder of truncated division with the sign of the dividend (C
 * {@code fmod}, Java {@code %}); exact.
 */
public final class RemFOp extends ElementwiseOp {
  public static final String NAME = "arith.remf";

  public RemFOp() {
    super(NAME, 2, ElementKind.FLOAT, false);
  }

  /** Builds {@code arith.remf %lhs, %rhs}; both operands must have the same type. */
  public static Operation create(Value lhs, Value rhs) {
    return build(NAME, lhs, rhs);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> x[0] % x[1]);
  }
}
