// arith.fptosi: float to signed integer conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.fptosi}: truncates toward zero; NaN, infinities and out-of-range values give
 * poison in MLIR and do not fold.
 */
public final class FPToSIOp extends CastOp {
  public static final String NAME = "arith.fptosi";

  public FPToSIOp() {
    super(NAME);
  }

  /** Builds {@code arith.fptosi %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return from.isFloat() && to.isInteger();
  }

  @Override
  protected String expectation() {
    return "float to integer";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    int w = width(op.result().type().elementTypeOrSelf());
    return ConstantFolder.floatsToInt(op, c, x -> ArithSemantics.floatToSigned(x[0], w));
  }
}
