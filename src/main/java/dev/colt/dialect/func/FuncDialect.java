// The func dialect: functions, returns and calls.
package dev.colt.dialect.func;

import dev.colt.ir.Dialect;
import dev.colt.ir.OpDefinition;
import java.util.List;

/** Registers func.func, func.return and func.call. */
public final class FuncDialect implements Dialect {
  @Override
  public String namespace() {
    return "func";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new FuncOp(), new ReturnOp(), new CallOp());
  }
}
