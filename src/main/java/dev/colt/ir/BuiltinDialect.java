// The builtin dialect: only builtin.module.
package dev.colt.ir;

import java.util.List;

/** Registers {@code builtin.module}. */
public final class BuiltinDialect implements Dialect {
  @Override
  public String namespace() {
    return "builtin";
  }

  @Override
  public List<OpDefinition> operations() {
    return List.of(new ModuleOp());
  }
}
