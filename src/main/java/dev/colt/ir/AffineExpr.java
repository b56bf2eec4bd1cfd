// Affine expressions over dimensions and symbols, built through simplifying factories.
package dev.colt.ir;

import java.util.List;

/**
 * An affine expression: dimensions {@code d_i}, symbols {@code s_j}, integer constants, and the
 * binary operators +, *, floordiv, ceildiv, mod. Instances are immutable; the static factories
 * ({@link #add}, {@link #mul}, ...) fold constants and put expressions in a canonical form, so two
 * expressions built the same way compare equal. {@link #toString()} is MLIR's syntax.
 */
public sealed interface AffineExpr
    permits AffineExpr.Dim, AffineExpr.Symbol, AffineExpr.Constant, AffineExpr.Binary {

  /** The binary operators, in MLIR's spelling. */
  enum Kind {
    ADD("+"), MUL("*"), MOD("mod"), FLOORDIV("floordiv"), CEILDIV("ceildiv");

    public final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }
  }

  /** The dimension {@code d<position>}. */
  record Dim(int position) implements AffineExpr {
    public Dim {
      if (position < 0) {
        throw new IllegalArgumentException("negative dim position");
      }
    }

    @Override
    public String toString() {
      return "d" + position;
    }
  }

  /** The symbol {@code s<position>}. */
  record Symbol(int position) implements AffineExpr {
    public Symbol {
      if (position < 0) {
        throw new IllegalArgumentException("negative symbol position");
      }
    }

    @Override
    public String toString() {
      return "s" + position;
    }
  }

  /** An integer constant. */
  record Constant(long value) implements AffineExpr {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** A binary expression; build it with the factories so that it is simplified. */
  record Binary(Kind kind, AffineExpr lhs, AffineExpr rhs) implements AffineExpr {
    @Override
    public String toString() {
      return AffineExprFormatter.format(this);
    }
  }

  static AffineExpr dim(int position) {
    return new Dim(position);
  }

  static AffineExpr symbol(int position) {
    return new Symbol(position);
  }

  static AffineExpr constant(long value) {
    return new Constant(value);
  }

  /** {@code a + b}, simplified. */
  static AffineExpr add(AffineExpr a, AffineExpr b) {
    return AffineSimplifier.add(a, b);
  }

  /** {@code a - b}, simplified. */
  static AffineExpr sub(AffineExpr a, AffineExpr b) {
    return add(a, mul(b, constant(-1)));
  }

  /** {@code a * b}, simplified. At least one side must be constant for a pure affine result. */
  static AffineExpr mul(AffineExpr a, AffineExpr b) {
    return AffineSimplifier.mul(a, b);
  }

  /** {@code a floordiv b}, simplified. */
  static AffineExpr floorDiv(AffineExpr a, AffineExpr b) {
    return AffineSimplifier.div(Kind.FLOORDIV, a, b);
  }

  /** {@code a ceildiv b}, simplified. */
  static AffineExpr ceilDiv(AffineExpr a, AffineExpr b) {
    return AffineSimplifier.div(Kind.CEILDIV, a, b);
  }

  /** {@code a mod b}, simplified. */
  static AffineExpr mod(AffineExpr a, AffineExpr b) {
    return AffineSimplifier.mod(a, b);
  }

  default AffineExpr plus(long c) {
    return add(this, constant(c));
  }

  default AffineExpr plus(AffineExpr e) {
    return add(this, e);
  }

  default AffineExpr minus(AffineExpr e) {
    return sub(this, e);
  }

  default AffineExpr times(long c) {
    return mul(this, constant(c));
  }

  /** Builds {@code kind(lhs, rhs)} through the simplifying factories. */
  static AffineExpr binary(Kind kind, AffineExpr lhs, AffineExpr rhs) {
    return switch (kind) {
      case ADD -> add(lhs, rhs);
      case MUL -> mul(lhs, rhs);
      case MOD -> mod(lhs, rhs);
      case FLOORDIV -> floorDiv(lhs, rhs);
      case CEILDIV -> ceilDiv(lhs, rhs);
    };
  }

  /**
   * Evaluates with the given dimension and symbol values. floordiv/ceildiv round toward minus and
   * plus infinity; mod returns a value in [0, rhs). Fails with ArithmeticException on a division by
   * zero or a non-positive modulus, and with IndexOutOfBoundsException on a missing dim/symbol.
   */
  default long evaluate(long[] dims, long[] symbols) {
    return switch (this) {
      case Dim d -> dims[d.position()];
      case Symbol s -> symbols[s.position()];
      case Constant c -> c.value();
      case Binary b -> {
        long l = b.lhs().evaluate(dims, symbols);
        long r = b.rhs().evaluate(dims, symbols);
        yield switch (b.kind()) {
          case ADD -> l + r;
          case MUL -> l * r;
          case FLOORDIV -> Math.floorDiv(l, r);
          case CEILDIV -> -Math.floorDiv(-l, r);
          case MOD -> {
            if (r <= 0) {
              throw new ArithmeticException("mod by non-positive " + r);
            }
            yield Math.floorMod(l, r);
          }
        };
      }
    };
  }

  /** Replaces each {@code d_i} by {@code dims.get(i)} and {@code s_j} by {@code symbols.get(j)}. */
  default AffineExpr replace(List<AffineExpr> dims, List<AffineExpr> symbols) {
    return switch (this) {
      case Dim d -> dims.get(d.position());
      case Symbol s -> symbols.get(s.position());
      case Constant c -> c;
      case Binary b -> binary(b.kind(), b.lhs().replace(dims, symbols),
          b.rhs().replace(dims, symbols));
    };
  }

  /** Shifts dimension positions by {@code dimShift} and symbols by {@code symShift}. */
  default AffineExpr shift(int dimShift, int symShift) {
    return switch (this) {
      case Dim d -> new Dim(d.position() + dimShift);
      case Symbol s -> new Symbol(s.position() + symShift);
      case Constant c -> c;
      case Binary b -> new Binary(b.kind(), b.lhs().shift(dimShift, symShift),
          b.rhs().shift(dimShift, symShift));
    };
  }

  /**
   * True when pure affine: multiplication has a constant side and div/mod have a positive constant
   * right-hand side.
   */
  default boolean isPureAffine() {
    return switch (this) {
      case Dim d -> true;
      case Symbol s -> true;
      case Constant c -> true;
      case Binary b -> switch (b.kind()) {
        case ADD -> b.lhs().isPureAffine() && b.rhs().isPureAffine();
        case MUL -> b.lhs().isPureAffine() && b.rhs().isPureAffine()
            && (b.lhs() instanceof Constant || b.rhs() instanceof Constant);
        default -> b.lhs().isPureAffine() && b.rhs() instanceof Constant c && c.value() > 0;
      };
    };
  }

  /** True when the expression mentions {@code d<position>}. */
  default boolean usesDim(int position) {
    return switch (this) {
      case Dim d -> d.position() == position;
      case Symbol s -> false;
      case Constant c -> false;
      case Binary b -> b.lhs().usesDim(position) || b.rhs().usesDim(position);
    };
  }

  /** True when the expression mentions {@code s<position>}. */
  default boolean usesSymbol(int position) {
    return switch (this) {
      case Dim d -> false;
      case Symbol s -> s.position() == position;
      case Constant c -> false;
      case Binary b -> b.lhs().usesSymbol(position) || b.rhs().usesSymbol(position);
    };
  }

  /** Rebuilds the expression through the canonicalizing flattener (see {@link AffineSimplifier}). */
  default AffineExpr simplify() {
    return AffineSimplifier.simplify(this);
  }
}
