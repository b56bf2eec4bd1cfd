// arith.negf: floating-point negation.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code arith.negf}: flips the sign bit (also of zeros and NaN). */
public final class NegFOp extends ElementwiseOp {
  public static final String NAME = "arith.negf";

  public NegFOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code arith.negf %operand}. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> ArithSemantics.negate(x[0]));
  }
}
