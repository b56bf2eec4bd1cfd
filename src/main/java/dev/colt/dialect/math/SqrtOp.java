// math.sqrt: the square root.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ConstantFolder;
import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code math.sqrt}: the correctly rounded square root; folds for every float type.
 */
public final class SqrtOp extends ElementwiseOp {
  public static final String NAME = "math.sqrt";

  public SqrtOp() {
    super(NAME, 1, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.sqrt %operand}; all operands of one float type. */
  public static Operation create(Value operand) {
    return build(NAME, operand);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> Math.sqrt(x[0]));
  }
}
