// Prints affine expressions exactly as MLIR's AsmPrinter does, with caller-chosen operand names.
package dev.colt.ir;

import dev.colt.ir.AffineExpr.Binary;
import dev.colt.ir.AffineExpr.Constant;
import dev.colt.ir.AffineExpr.Kind;
import java.util.function.IntFunction;

/**
 * MLIR's affine expression printing: tightly binding operators parenthesize compound operands,
 * {@code x + y * -1} prints as {@code x - y}, {@code x + -3} as {@code x - 3}, {@code x * -1} as
 * {@code -x}. Dims and symbols print through the given name functions. The one printer of affine
 * expressions: {@link AffineExpr#toString()} and the IR printer both use it.
 */
public final class AffineExprFormatter {
  private final IntFunction<String> dimName;
  private final IntFunction<String> symbolName;
  private final StringBuilder out;

  private AffineExprFormatter(IntFunction<String> dimName, IntFunction<String> symbolName,
      StringBuilder out) {
    this.dimName = dimName;
    this.symbolName = symbolName;
    this.out = out;
  }

  public static void format(AffineExpr e, IntFunction<String> dimName, IntFunction<String> symbolName,
      StringBuilder out) {
    new AffineExprFormatter(dimName, symbolName, out).print(e, false);
  }

  public static String format(AffineExpr e) {
    StringBuilder sb = new StringBuilder();
    format(e, i -> "d" + i, i -> "s" + i, sb);
    return sb.toString();
  }

  /** {@code (d0, d1)[s0] -> (d0 + s0, d1)}. */
  public static String format(AffineMap map) {
    StringBuilder sb = new StringBuilder(AffineMap.header(map.numDims(), map.numSymbols()));
    sb.append(" -> (");
    for (int i = 0; i < map.numResults(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      format(map.result(i), d -> "d" + d, s -> "s" + s, sb);
    }
    return sb.append(')').toString();
  }

  /** {@code (d0)[s0] : (d0 - s0 >= 0, d0 == 0)}. */
  public static String format(IntegerSet set) {
    StringBuilder sb = new StringBuilder(AffineMap.header(set.numDims(), set.numSymbols()));
    sb.append(" : (");
    for (int i = 0; i < set.constraints().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      format(set.constraints().get(i), d -> "d" + d, s -> "s" + s, sb);
      sb.append(set.equalities().get(i) ? " == 0" : " >= 0");
    }
    return sb.append(')').toString();
  }

  /** {@code strong}: the enclosing context binds tighter than addition. */
  private void print(AffineExpr e, boolean strong) {
    switch (e) {
      case AffineExpr.Dim d -> out.append(dimName.apply(d.position()));
      case AffineExpr.Symbol s -> out.append(symbolName.apply(s.position()));
      case Constant c -> out.append(c.value());
      case Binary b -> printBinary(b, strong);
    }
  }

  private void printBinary(Binary b, boolean strong) {
    AffineExpr lhs = b.lhs();
    AffineExpr rhs = b.rhs();
    if (strong) {
      out.append('(');
    }
    if (b.kind() != Kind.ADD) {
      if (b.kind() == Kind.MUL && rhs instanceof Constant c && c.value() == -1) {
        out.append('-');
        print(lhs, true);
      } else {
        print(lhs, true);
        out.append(' ').append(b.kind().spelling).append(' ');
        print(rhs, true);
      }
    } else if (rhs instanceof Binary m && m.kind() == Kind.MUL
        && m.rhs() instanceof Constant c && c.value() < 0) {
      print(lhs, false);
      out.append(" - ");
      if (c.value() == -1) {
        print(m.lhs(), m.lhs() instanceof Binary mb && mb.kind() == Kind.ADD);
      } else {
        print(m.lhs(), true);
        out.append(" * ").append(-c.value());
      }
    } else if (rhs instanceof Constant c && c.value() < 0) {
      print(lhs, false);
      out.append(" - ").append(-c.value());
    } else {
      print(lhs, false);
      out.append(" + ");
      print(rhs, false);
    }
    if (strong) {
      out.append(')');
    }
  }
}
