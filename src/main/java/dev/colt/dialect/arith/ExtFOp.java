// arith.extf: widening float conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.extf}: converts to a wider float type; exact.
 */
public final class ExtFOp extends CastOp {
  public static final String NAME = "arith.extf";

  public ExtFOp() {
    super(NAME);
  }

  /** Builds {@code arith.extf %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return from.isFloat() && to.isFloat() && width(to) > width(from);
  }

  @Override
  protected String expectation() {
    return "a wider float type";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.floats(op, c, x -> x[0]);
  }
}
