// arith.trunci: truncating integer conversion.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.List;

/**
 * {@code arith.trunci}: keeps the low bits of the operand.
 */
public final class TruncIOp extends CastOp {
  public static final String NAME = "arith.trunci";

  public TruncIOp() {
    super(NAME);
  }

  /** Builds {@code arith.trunci %source : T to resultType}. */
  public static Operation create(Value source, Type resultType) {
    return build(NAME, source, resultType);
  }

  @Override
  protected boolean validElements(Type from, Type to) {
    return from.isInteger() && to.isInteger() && width(to) < width(from);
  }

  @Override
  protected String expectation() {
    return "a narrower integer type";
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    return ConstantFolder.ints(op, c, x -> x[0]);
  }
}
