// A bounded least-recently-used cache keyed by object identity (plus an optional second key).
package dev.colt.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Caches values of immutable programs: the key is the program's identity and an equality-compared
 * {@code detail} (an action, or null), so a lookup never walks the program. Holds at most
 * {@code capacity} entries, dropping the least recently used. Not thread-safe.
 */
final class IdentityLru<K, D, V> {
  private record Key(Object program, Object detail) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.program == program && Objects.equals(k.detail, detail);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(program) * 31 + Objects.hashCode(detail);
    }
  }

  private final Map<Key, V> map;

  IdentityLru(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached value for ({@code program}, {@code detail}), computing and keeping it if absent. */
  V get(K program, D detail, Supplier<V> compute) {
    Key k = new Key(program, detail);
    V v = map.get(k);
    if (v == null) {
      v = compute.get();
      map.put(k, v);
    }
    return v;
  }

  /** The cached value for ({@code program}, {@code detail}), or null. */
  V peek(K program, D detail) {
    return map.get(new Key(program, detail));
  }

  int size() {
    return map.size();
  }
}
