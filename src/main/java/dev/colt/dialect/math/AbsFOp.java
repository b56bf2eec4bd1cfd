// math.absf: the absolute value of a float.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ConstantFolder;
import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code math.absf}: clears the sign bit; folds exactly.
 */
public final class AbsFOp extends ElementwiseOp {
  public static final String NAME = "math.absf";

  public AbsFOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.absf %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> Math.abs(x[0]));
  }
}
