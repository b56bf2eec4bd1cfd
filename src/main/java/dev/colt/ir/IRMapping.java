// A value-to-value substitution used when cloning or rewriting IR.
package dev.colt.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/** Maps old values to new ones (by identity). Mutable; used during one rewrite. */
public final class IRMapping {
  private final Map<Value, Value> map = new IdentityHashMap<>();

  public IRMapping map(Value from, Value to) {
    map.put(from, to);
    return this;
  }

  /** The mapped value, or {@code v} itself when unmapped. */
  public Value lookupOrSelf(Value v) {
    Value r = map.get(v);
    return r == null ? v : r;
  }

  /** The mapped value, or null. */
  public Value lookup(Value v) {
    return map.get(v);
  }

  public boolean contains(Value v) {
    return map.containsKey(v);
  }
}
