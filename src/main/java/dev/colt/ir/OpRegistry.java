// Looks up operation definitions by name across all registered dialects.
package dev.colt.ir;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The set of known operations, loaded once from every {@link Dialect} on the class path. */
public final class OpRegistry {
  private static volatile OpRegistry global;
  private final Map<String, OpDefinition> ops;

  private OpRegistry(Map<String, OpDefinition> ops) {
    this.ops = ops;
  }

  /** The registry of all dialects found by ServiceLoader. */
  public static OpRegistry global() {
    OpRegistry r = global;
    if (r == null) {
      synchronized (OpRegistry.class) {
        r = global;
        if (r == null) {
          Map<String, OpDefinition> all = new TreeMap<>();
          for (Dialect d : ServiceLoader.load(Dialect.class, OpRegistry.class.getClassLoader())) {
            for (OpDefinition def : d.operations()) {
              OpDefinition previous = all.put(def.name(), def);
              if (previous != null) {
                throw new IllegalStateException("op " + def.name() + " registered twice");
              }
            }
          }
          r = new OpRegistry(all);
          global = r;
        }
      }
    }
    return r;
  }

  /** The definition of {@code name}, or null when unknown. */
  public OpDefinition lookup(String name) {
    return ops.get(name);
  }

  /** True when {@code op} is registered and declares {@code trait}. */
  public boolean hasTrait(Operation op, OpTrait trait) {
    OpDefinition d = ops.get(op.name());
    return d != null && d.hasTrait(trait);
  }

  public Collection<OpDefinition> all() {
    return ops.values();
  }
}
