// vector.fma: fused multiply-add on float vectors.
package dev.colt.dialect.vector;

import dev.colt.dialect.arith.ConstantFolder;
import dev.colt.dialect.arith.ElementKind;
import dev.colt.dialect.arith.ElementwiseOp;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import dev.colt.ir.VerificationSink;
import java.util.List;

/**
 * {@code vector.fma}: operands lhs, rhs, acc, all of one float vector type; {@code lhs * rhs + acc}
 * per lane with one rounding. Text: {@code %f = vector.fma %a, %b, %c : vector<8xf32>}.
 */
public final class VectorFmaOp extends ElementwiseOp {
  public static final String NAME = "vector.fma";

  public VectorFmaOp() {
    super(NAME, 3, ElementKind.FLOAT, false);
  }

  /** Builds {@code vector.fma lhs, rhs, acc}. */
  public static Operation create(Value lhs, Value rhs, Value acc) {
    return build(NAME, lhs, rhs, acc);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    super.verify(op, sink);
    if (op.results().size() == 1 && !(op.result().type() instanceof VectorType)) {
      sink.error(op, "'vector.fma' op operands must be vectors, but got '" + op.result().type()
          + "'");
    }
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
