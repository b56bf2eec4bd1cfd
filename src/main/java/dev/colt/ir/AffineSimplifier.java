// Canonicalizing construction of affine expressions by flattening to linear form.
package dev.colt.ir;

import dev.colt.ir.AffineExpr.Binary;
import dev.colt.ir.AffineExpr.Constant;
import dev.colt.ir.AffineExpr.Dim;
import dev.colt.ir.AffineExpr.Kind;
import dev.colt.ir.AffineExpr.Symbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds affine expressions in a canonical form: a sum of dims (ascending), symbols (ascending) and
 * opaque terms (mod, floordiv, ceildiv, non-constant products; ordered by text), each times a
 * coefficient, then a constant. Division and modulus by a positive constant pull out the terms whose
 * coefficients the divisor divides. Division or modulus by a non-positive constant is left as written
 * (the verifier reports it).
 */
final class AffineSimplifier {
  private AffineSimplifier() {}

  /** A linear combination of terms plus a constant. */
  record Linear(Map<AffineExpr, Long> terms, long constant) {}

  static AffineExpr add(AffineExpr a, AffineExpr b) {
    Linear la = flatten(a);
    Linear lb = flatten(b);
    Map<AffineExpr, Long> terms = new LinkedHashMap<>(la.terms());
    lb.terms().forEach((t, c) -> terms.merge(t, c, Long::sum));
    return build(new Linear(terms, la.constant() + lb.constant()));
  }

  static AffineExpr mul(AffineExpr a, AffineExpr b) {
    if (a instanceof Constant && !(b instanceof Constant)) {
      AffineExpr t = a;
      a = b;
      b = t;
    }
    if (b instanceof Constant cb) {
      if (a instanceof Constant ca) {
        return new Constant(ca.value() * cb.value());
      }
      long c = cb.value();
      if (c == 0) {
        return new Constant(0);
      }
      if (c == 1) {
        return a;
      }
      Linear la = flatten(a);
      Map<AffineExpr, Long> terms = new LinkedHashMap<>();
      la.terms().forEach((t, k) -> terms.put(t, k * c));
      return build(new Linear(terms, la.constant() * c));
    }
    return new Binary(Kind.MUL, a, b);
  }

  static AffineExpr div(Kind kind, AffineExpr a, AffineExpr b) {
    if (!(b instanceof Constant cb) || cb.value() <= 0) {
      return new Binary(kind, a, b);
    }
    long c = cb.value();
    if (c == 1) {
      return a;
    }
    if (a instanceof Constant ca) {
      long v = ca.value();
      return new Constant(kind == Kind.FLOORDIV ? Math.floorDiv(v, c) : -Math.floorDiv(-v, c));
    }
    Linear la = flatten(a);
    Map<AffineExpr, Long> quotient = new LinkedHashMap<>();
    Map<AffineExpr, Long> remainder = new LinkedHashMap<>();
    la.terms().forEach((t, k) -> {
      if (k % c == 0) {
        quotient.put(t, k / c);
      } else {
        remainder.put(t, k);
      }
    });
    long q = Math.floorDiv(la.constant(), c);
    long r = Math.floorMod(la.constant(), c);
    AffineExpr whole = build(new Linear(quotient, q));
    if (remainder.isEmpty()) {
      // The remaining constant r lies in [0, c): floor adds nothing, ceil adds one when r > 0.
      return kind == Kind.CEILDIV && r > 0 ? add(whole, new Constant(1)) : whole;
    }
    AffineExpr rest = build(new Linear(remainder, r));
    if (kind == Kind.FLOORDIV && rest instanceof Binary inner && inner.kind() == Kind.FLOORDIV
        && inner.rhs() instanceof Constant ic && ic.value() > 0) {
      return add(whole, div(Kind.FLOORDIV, inner.lhs(), new Constant(ic.value() * c)));
    }
    return add(whole, new Binary(kind, rest, new Constant(c)));
  }

  static AffineExpr mod(AffineExpr a, AffineExpr b) {
    if (!(b instanceof Constant cb) || cb.value() <= 0) {
      return new Binary(Kind.MOD, a, b);
    }
    long c = cb.value();
    if (c == 1) {
      return new Constant(0);
    }
    if (a instanceof Constant ca) {
      return new Constant(Math.floorMod(ca.value(), c));
    }
    Linear la = flatten(a);
    Map<AffineExpr, Long> remainder = new LinkedHashMap<>();
    la.terms().forEach((t, k) -> {
      if (k % c != 0) {
        remainder.put(t, Math.floorMod(k, c) == 0 ? k : k);
      }
    });
    long r = Math.floorMod(la.constant(), c);
    if (remainder.isEmpty()) {
      return new Constant(r);
    }
    AffineExpr rest = build(new Linear(remainder, r));
    if (rest instanceof Binary inner && inner.kind() == Kind.MOD
        && inner.rhs() instanceof Constant ic && ic.value() % c == 0) {
      return mod(inner.lhs(), b);
    }
    return new Binary(Kind.MOD, rest, b);
  }

  static AffineExpr simplify(AffineExpr e) {
    if (e instanceof Binary b) {
      return AffineExpr.binary(b.kind(), simplify(b.lhs()), simplify(b.rhs()));
    }
    return e;
  }

  /** Flattens an expression whose sub-expressions are already canonical. */
  static Linear flatten(AffineExpr e) {
    Map<AffineExpr, Long> terms = new LinkedHashMap<>();
    long constant = switch (e) {
      case Constant c -> c.value();
      case Dim d -> {
        terms.put(d, 1L);
        yield 0;
      }
      case Symbol s -> {
        terms.put(s, 1L);
        yield 0;
      }
      case Binary b when b.kind() == Kind.ADD -> {
        Linear l = flatten(b.lhs());
        Linear r = flatten(b.rhs());
        terms.putAll(l.terms());
        r.terms().forEach((t, k) -> terms.merge(t, k, Long::sum));
        yield l.constant() + r.constant();
      }
      case Binary b when b.kind() == Kind.MUL && b.rhs() instanceof Constant c -> {
        Linear l = flatten(b.lhs());
        l.terms().forEach((t, k) -> terms.merge(t, k * c.value(), Long::sum));
        yield l.constant() * c.value();
      }
      case Binary b -> {
        terms.put(b, 1L);
        yield 0;
      }
    };
    return new Linear(terms, constant);
  }

  private static final Comparator<AffineExpr> TERM_ORDER = Comparator
      .comparingInt(AffineSimplifier::termRank)
      .thenComparingInt(AffineSimplifier::termPosition)
      .thenComparing(AffineExpr::toString);

  private static int termRank(AffineExpr e) {
    return switch (e) {
      case Dim d -> 0;
      case Symbol s -> 1;
      default -> 2;
    };
  }

  private static int termPosition(AffineExpr e) {
    return switch (e) {
      case Dim d -> d.position();
      case Symbol s -> s.position();
      default -> 0;
    };
  }

  /** Rebuilds the canonical sum from a linear form. */
  static AffineExpr build(Linear l) {
    List<AffineExpr> order = new ArrayList<>();
    l.terms().forEach((t, k) -> {
      if (k != 0) {
        order.add(t);
      }
    });
    order.sort(TERM_ORDER);
    AffineExpr result = null;
    for (AffineExpr t : order) {
      long k = l.terms().get(t);
      AffineExpr term = k == 1 ? t : new Binary(Kind.MUL, t, new Constant(k));
      result = result == null ? term : new Binary(Kind.ADD, result, term);
    }
    if (result == null) {
      return new Constant(l.constant());
    }
    return l.constant() == 0 ? result
        : new Binary(Kind.ADD, result, new Constant(l.constant()));
  }
}
