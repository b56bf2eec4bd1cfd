// math.fma: fused multiply-add.
package dev.colt.dialect.math;

import dev.colt.dialect.arith.ConstantFolder;
import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code math.fma}: {@code a * b + c} with one rounding. Folds for f32 and f64 (f16 would need a
 * wider exact intermediate and is left alone). Text: {@code %0 = math.fma %a, %b, %c : f32}.
 */
public final class FmaOp extends ElementwiseOp {
  public static final String NAME = "math.fma";

  public FmaOp() {
    super(NAME, 3, ElementKind.FLOAT, false);
  }

  /** Builds {@code math.fma %a, %b, %c}; all operands of one float type. */
  public static Operation create(Value a, Value b, Value c) {
    return build(NAME, a, b, c);
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    if (!(op.result().type().elementTypeOrSelf() instanceof FloatType ft)) {
      return null;
    }
    return switch (ft.width()) {
      case 32 -> ConstantFolder.floats(op, c,
          x -> Math.fma((float) x[0], (float) x[1], (float) x[2]));
      case 64 -> ConstantFolder.floats(op, c, x -> Math.fma(x[0], x[1], x[2]));
      default -> null;
    };
  }
}
