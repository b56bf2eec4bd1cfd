// Prints affine expressions in MLIR's syntax with minimal parentheses.
package dev.colt.ir;

import dev.colt.ir.AffineExpr.Binary;
import dev.colt.ir.AffineExpr.Constant;
import dev.colt.ir.AffineExpr.Kind;

/** MLIR-style printing: {@code d0 - d1 * 2}, {@code (d0 + 1) floordiv 4}, {@code -d0}. */
final class AffineExprPrinter {
  private AffineExprPrinter() {}

  static String print(AffineExpr e) {
    StringBuilder sb = new StringBuilder();
    print(e, sb);
    return sb.toString();
  }

  private static void print(AffineExpr e, StringBuilder sb) {
    if (!(e instanceof Binary b)) {
      sb.append(e);
      return;
    }
    if (b.kind() == Kind.ADD) {
      print(b.lhs(), sb);
      if (b.rhs() instanceof Binary m && m.kind() == Kind.MUL
          && m.rhs() instanceof Constant c && c.value() < 0) {
        sb.append(" - ");
        operand(m.lhs(), sb, true);
        if (c.value() != -1) {
          sb.append(" * ").append(-c.value());
        }
      } else if (b.rhs() instanceof Constant c && c.value() < 0) {
        sb.append(" - ").append(-c.value());
      } else {
        sb.append(" + ");
        if (b.rhs() instanceof Binary r && r.kind() == Kind.ADD) {
          sb.append('(');
          print(r, sb);
          sb.append(')');
        } else {
          print(b.rhs(), sb);
        }
      }
      return;
    }
    if (b.kind() == Kind.MUL && b.rhs() instanceof Constant c && c.value() == -1) {
      sb.append('-');
      operand(b.lhs(), sb, true);
      return;
    }
    operand(b.lhs(), sb, false);
    sb.append(' ').append(b.kind().spelling).append(' ');
    operand(b.rhs(), sb, true);
  }

  /**
   * Prints a multiplicative operand; additions always get parentheses, and so do other binary
   * expressions on the right-hand side (the operators are left-associative).
   */
  private static void operand(AffineExpr e, StringBuilder sb, boolean rightSide) {
    boolean parens = e instanceof Binary b && (b.kind() == Kind.ADD || rightSide
        || (b.kind() == Kind.MUL && b.rhs() instanceof Constant c && c.value() == -1));
    if (parens) {
      sb.append('(');
    }
    print(e, sb);
    if (parens) {
      sb.append(')');
    }
  }
}
