// arith.truncf: narrowing float conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.truncf}: converts to a narrower float type rounding to nearest, ties to even
 * (overflow gives infinity).
 */
public final class TruncFOp extends CastOp {
  public static final String NAME = "arith.truncf";

  public TruncFOp() {
    super(NAME);
  }

  /** Builds {@code arith.truncf %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return from.isFloat() && to.isFloat() && width(to) < width(from);
  }

  @Override
  protected String expectation() {
    return "a narrower float type";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> x[0]);
  }
}
