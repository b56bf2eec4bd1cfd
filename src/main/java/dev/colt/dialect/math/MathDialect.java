// The math dialect: transcendental and other elementwise float functions.
package dev.colt.dialect.math;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers every {@code math.*} op. */
public final class MathDialect implements Dialect {
  @Override
  public String namespace() {
    return "math";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new ExpOp(), new LogOp(), new SqrtOp(), new RsqrtOp(), new TanhOp(),
        new ErfOp(), new AbsFOp(), new FmaOp(), new PowFOp());
  }
}
