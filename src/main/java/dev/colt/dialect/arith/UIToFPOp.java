// arith.uitofp: unsigned integer to float conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.uitofp}: reads the integer as unsigned and rounds to the nearest float.
 */
public final class UIToFPOp extends CastOp {
  public static final String NAME = "arith.uitofp";

  public UIToFPOp() {
    super(NAME);
  }

  /** Builds {@code arith.uitofp %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return from.isInteger() && to.isFloat();
  }

  @Override
  protected String expectation() {
    return "integer to float";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    if (!(op.result().type().elementTypeOrSelf() instanceof FloatType ft)) {
      return null;
    }
    int w = width(op.operand(0).type().elementTypeOrSelf());
    return ConstantFolder.intsToFloat(op, c,
        x -> ArithSemantics.unsignedToFloat(ArithSemantics.toUnsigned(x[0], w), ft));
  }
}
