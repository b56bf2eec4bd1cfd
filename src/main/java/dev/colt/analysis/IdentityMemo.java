// A small bounded least-recently-used memo of analyses keyed by the identity of an op tree.
package dev.colt.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the value computed for the last {@code capacity} keys used, comparing keys by identity
 * (an op's own hashCode walks its tree). Thread-safe: lookups are synchronized, computations run
 * outside the lock, and when two threads compute the same key the first value stored wins. Meant
 * for values that depend on the key alone, so that a hit and a recomputation are interchangeable.
 */
final class IdentityMemo<K, V> {
  private record Key(Object ref) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.ref == ref;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref);
    }
  }

  private final Map<Key, V> map;

  IdentityMemo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.map = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The remembered value for {@code key}, computing and remembering it when absent. */
  V get(K key, Function<? super K, ? extends V> compute) {
    Key k = new Key(key);
    synchronized (map) {
      V v = map.get(k);
      if (v != null) {
        return v;
      }
    }
    V v = compute.apply(key);
    synchronized (map) {
      V raced = map.putIfAbsent(k, v);
      return raced != null ? raced : v;
    }
  }
}
