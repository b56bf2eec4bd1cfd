// arith.sitofp: signed integer to float conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.sitofp}: reads the integer as signed and rounds to the nearest float. Text:
 * {@code %0 = arith.sitofp %x : i32 to f32}.
 */
public final class SIToFPOp extends CastOp {
  public static final String NAME = "arith.sitofp";

  public SIToFPOp() {
    super(NAME);
  }

  /** Builds {@code arith.sitofp %source : T to resultType}. */
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
    return ConstantFolder.intsToFloat(op, c, x -> ArithSemantics.signedToFloat(x[0], ft));
  }
}
