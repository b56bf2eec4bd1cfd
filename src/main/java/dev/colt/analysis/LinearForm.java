// A linear combination of SSA values plus a constant, with opaque (non-affine) parts tracked.
package dev.colt.analysis;

import dev.colt.ir.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code sum(terms[v] * v) + constant}, plus an unknown function of the {@code opaque} values when
 * the expression had a floordiv, ceildiv or mod that did not fold. A form is exact iff opaque is
 * empty. Values are compared by identity.
 */
public record LinearForm(Map<Value, Long> terms, long constant, Set<Value> opaque) {
  public LinearForm {
    terms = withoutZeros(terms);
    opaque = opaque.isEmpty() ? Collections.emptySet()
        : Collections.unmodifiableSet(new LinkedHashSet<>(opaque));
  }

  /** An unmodifiable copy without zero coefficients, keeping the order (forms are built often). */
  private static Map<Value, Long> withoutZeros(Map<Value, Long> terms) {
    if (terms.isEmpty()) {
      return Collections.emptyMap();
    }
    if (terms.size() == 1) {
      Map.Entry<Value, Long> only = terms.entrySet().iterator().next();
      return only.getValue() == 0 ? Collections.emptyMap()
          : Collections.singletonMap(only.getKey(), only.getValue());
    }
    Map<Value, Long> t = new LinkedHashMap<>();
    terms.forEach((v, c) -> {
      if (c != 0) {
        t.put(v, c);
      }
    });
    return Collections.unmodifiableMap(t);
  }

  public static LinearForm constant(long c) {
    return new LinearForm(Map.of(), c, Set.of());
  }

  public static LinearForm of(Value v) {
    return new LinearForm(Map.of(v, 1L), 0, Set.of());
  }

  /** A form that depends on {@code values} in an unknown way. */
  public static LinearForm opaque(Set<Value> values) {
    return new LinearForm(Map.of(), 0, values);
  }

  public boolean isExact() {
    return opaque.isEmpty();
  }

  public boolean isConstant() {
    return isExact() && terms.isEmpty();
  }

  public long coefficient(Value v) {
    return terms.getOrDefault(v, 0L);
  }

  /** True when the form depends on {@code v} (linearly or opaquely). */
  public boolean dependsOn(Value v) {
    return terms.containsKey(v) || opaque.contains(v);
  }

  /** Every value the form depends on. */
  public Set<Value> values() {
    Set<Value> s = new LinkedHashSet<>(terms.keySet());
    s.addAll(opaque);
    return s;
  }

  public LinearForm plus(LinearForm o) {
    if (o.terms.isEmpty() && o.opaque.isEmpty()) {
      return o.constant == 0 ? this : new LinearForm(terms, constant + o.constant, opaque);
    }
    if (terms.isEmpty() && opaque.isEmpty()) {
      return constant == 0 ? o : new LinearForm(o.terms, constant + o.constant, o.opaque);
    }
    Map<Value, Long> t = new LinkedHashMap<>(terms);
    o.terms.forEach((v, c) -> t.merge(v, c, Long::sum));
    Set<Value> op = new LinkedHashSet<>(opaque);
    op.addAll(o.opaque);
    return new LinearForm(t, constant + o.constant, op);
  }

  public LinearForm times(long k) {
    if (k == 1) {
      return this;
    }
    Map<Value, Long> t = new LinkedHashMap<>();
    terms.forEach((v, c) -> t.put(v, c * k));
    return new LinearForm(t, constant * k, k == 0 ? Set.of() : opaque);
  }

  public LinearForm minus(LinearForm o) {
    return plus(o.times(-1));
  }

  /** The form with every dependence turned opaque (used when an expression stops being linear). */
  public LinearForm asOpaque() {
    return opaque(values());
  }
}
