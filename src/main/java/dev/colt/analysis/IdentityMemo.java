// A small bounded least-recently-used memo keyed by the identity of an op tree (plus an optional detail).
package dev.colt.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Remembers the values computed for the last {@code capacity} keys used. A key is an object
 * compared by identity (an op's own hashCode walks its tree, and the IR is immutable) and an
 * optional {@code detail} compared by equality (an action applied to the program, or null).
 * Thread-safe: lookups are synchronized, computations run outside the lock, and when two threads
 * compute the same key the first value stored wins. Meant for values that depend on the key alone,
 * so a hit and a recomputation are interchangeable.
 *
 * @param <K> the identity-compared part of the key
 * @param <D> the equality-compared detail ({@code Void} when unused)
 * @param <V> the remembered values (never null)
 */
public final class IdentityMemo<K, D, V> {
  private record Key(Object ref, Object detail) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.ref == ref && Objects.equals(k.detail, detail);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref) * 31 + Objects.hashCode(detail);
    }
  }

  private final Map<Key, V> map;

  /** Fails with IllegalArgumentException when {@code capacity} is not positive. */
  public IdentityMemo(int capacity) {
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

  /** The remembered value for {@code key} (no detail), computing and remembering it when absent. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    return get(key, null, () -> compute.apply(key));
  }

  /** The remembered value for ({@code key}, {@code detail}), computing it when absent. */
  public V get(K key, D detail, Supplier<? extends V> compute) {
    Key k = new Key(key, detail);
    synchronized (map) {
      V v = map.get(k);
      if (v != null) {
        return v;
      }
    }
    V v = Objects.requireNonNull(compute.get(), "memoized value");
    synchronized (map) {
      V raced = map.putIfAbsent(k, v);
      return raced != null ? raced : v;
    }
  }

  /** The remembered value for ({@code key}, {@code detail}), or null; counts as a use. */
  public V peek(K key, D detail) {
    synchronized (map) {
      return map.get(new Key(key, detail));
    }
  }

  /** The number of entries remembered. */
  public int size() {
    synchronized (map) {
      return map.size();
    }
  }
}
