// arith.extsi: sign-extending integer conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.extsi}: sign-extends to a wider integer type.
 */
public final class ExtSIOp extends CastOp {
  public static final String NAME = "arith.extsi";

  public ExtSIOp() {
    super(NAME);
  }

  /** Builds {@code arith.extsi %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return from.isInteger() && to.isInteger() && width(to) > width(from);
  }

  @Override
  protected String expectation() {
    return "a wider integer type";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> x[0]);
  }
}
