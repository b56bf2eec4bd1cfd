// Parses affine expressions, maps and integer sets with MLIR's precedence rules.
package dev.colt.ir.text;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.text.Token.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for affine expressions over a token stream. Low precedence: {@code +},
 * {@code -}; high precedence (left associative): {@code *}, {@code floordiv}, {@code ceildiv},
 * {@code mod}; unary minus binds to its operand. A product needs a constant side and the right side
 * of floordiv, ceildiv and mod must be a positive constant; otherwise a located error is thrown.
 * Identifiers are resolved by an {@link Operands} callback, so the same code parses
 * {@code affine_map<(d0)[s0] -> (d0 + s0)>} and SSA subscripts {@code [%i + 1, symbol(%n)]}.
 */
final class AffineParser {
  /** Resolves the identifier at the current token to a dim or symbol and consumes it. */
  interface Operands {
    /** Returns null when the current token does not start an identifier operand. */
    AffineExpr parseOperand(AsmParser p);
  }

  private final AsmParser p;
  private final Operands operands;

  AffineParser(AsmParser p, Operands operands) {
    this.p = p;
    this.operands = operands;
  }

  AffineExpr parseExpr() {
    AffineExpr lhs = parseTerm();
    while (true) {
      if (p.tok().isPunct("+")) {
        p.consume();
        lhs = AffineExpr.add(lhs, parseTerm());
      } else if (p.tok().isPunct("-")) {
        p.consume();
        lhs = AffineExpr.sub(lhs, parseTerm());
      } else {
        return lhs;
      }
    }
  }

  private AffineExpr parseTerm() {
    AffineExpr lhs = parseUnary();
    while (true) {
      Token op = p.tok();
      if (op.isPunct("*")) {
        p.consume();
        AffineExpr rhs = parseUnary();
        if (!(lhs instanceof AffineExpr.Constant) && !(rhs instanceof AffineExpr.Constant)) {
          throw p.error(op.location(),
              "non-affine expression: at least one of the multiply operands has to be a constant");
        }
        lhs = AffineExpr.mul(lhs, rhs);
      } else if (op.isKeyword("floordiv") || op.isKeyword("ceildiv") || op.isKeyword("mod")) {
        p.consume();
        Token rhsTok = p.tok();
        AffineExpr rhs = parseUnary();
        if (!(rhs instanceof AffineExpr.Constant c)) {
          throw p.error(rhsTok.location(), "non-affine expression: right operand of "
              + op.text() + " has to be a constant");
        }
        if (c.value() <= 0) {
          throw p.error(rhsTok.location(), "right operand of " + op.text()
              + " must be a positive constant, got " + c.value());
        }
        lhs = switch (op.text()) {
          case "floordiv" -> AffineExpr.floorDiv(lhs, rhs);
          case "ceildiv" -> AffineExpr.ceilDiv(lhs, rhs);
          default -> AffineExpr.mod(lhs, rhs);
        };
      } else {
        return lhs;
      }
    }
  }

  private AffineExpr parseUnary() {
    if (p.tok().isPunct("-")) {
      p.consume();
      return AffineExpr.mul(parseUnary(), AffineExpr.constant(-1));
    }
    if (p.tok().isPunct("(")) {
      p.consume();
      AffineExpr e = parseExpr();
      p.expectPunct(")", "in affine expression");
      return e;
    }
    if (p.tok().is(Kind.INTEGER)) {
      return AffineExpr.constant(p.parseIntegerValue(p.consume()));
    }
    AffineExpr operand = operands.parseOperand(p);
    if (operand != null) {
      return operand;
    }
    throw p.error("expected affine expression, found '" + p.tok().spelling() + "'");
  }

  /** Parses a comma-separated list of expressions up to (not including) {@code close}. */
  List<AffineExpr> parseExprList(String close) {
    List<AffineExpr> out = new ArrayList<>();
    if (p.tok().isPunct(close)) {
      return out;
    }
    out.add(parseExpr());
    while (p.tok().isPunct(",")) {
      p.consume();
      out.add(parseExpr());
    }
    return out;
  }

  /** Dimension and symbol names of a map or set header. */
  record Header(Map<String, AffineExpr> names, int numDims, int numSymbols) {}

  /** Parses {@code (d0, d1)[s0]}; names are bare identifiers, unique. */
  static Header parseHeader(AsmParser p) {
    Map<String, AffineExpr> names = new HashMap<>();
    p.expectPunct("(", "at start of dimension list");
    int dims = parseNames(p, ")", names, true);
    int syms = 0;
    if (p.tok().isPunct("[")) {
      p.consume();
      syms = parseNames(p, "]", names, false);
    }
    return new Header(names, dims, syms);
  }

  private static int parseNames(AsmParser p, String close, Map<String, AffineExpr> names,
      boolean dims) {
    int n = 0;
    if (p.tok().isPunct(close)) {
      p.consume();
      return 0;
    }
    while (true) {
      Token t = p.tok();
      if (!t.is(Kind.BARE_IDENT)) {
        throw p.error("expected bare identifier for " + (dims ? "dimension" : "symbol"));
      }
      if (names.containsKey(t.text())) {
        throw p.error("redefinition of identifier '" + t.text() + "'");
      }
      p.consume();
      names.put(t.text(), dims ? AffineExpr.dim(n) : AffineExpr.symbol(n));
      n++;
      if (p.tok().isPunct(",")) {
        p.consume();
        continue;
      }
      p.expectPunct(close, "in " + (dims ? "dimension" : "symbol") + " list");
      return n;
    }
  }

  private static Operands named(Map<String, AffineExpr> names) {
    return q -> {
      Token t = q.tok();
      if (!t.is(Kind.BARE_IDENT) || t.text().equals("floordiv") || t.text().equals("ceildiv")
          || t.text().equals("mod")) {
        return null;
      }
      AffineExpr e = names.get(t.text());
      if (e == null) {
        throw q.error("use of undeclared identifier '" + t.text() + "'");
      }
      q.consume();
      return e;
    };
  }

  /** Parses the body of {@code affine_map<...>} (between the angle brackets). */
  static AffineMap parseMapBody(AsmParser p) {
    Header h = parseHeader(p);
    p.expectPunct("->", "in affine map");
    p.expectPunct("(", "at start of affine map results");
    List<AffineExpr> results = new AffineParser(p, named(h.names())).parseExprList(")");
    p.expectPunct(")", "at end of affine map results");
    return new AffineMap(h.numDims(), h.numSymbols(), results);
  }

  /** Parses the body of {@code affine_set<...>}: {@code (d0)[s0] : (d0 - s0 >= 0, d0 == 0)}. */
  static IntegerSet parseSetBody(AsmParser p) {
    Header h = parseHeader(p);
    p.expectPunct(":", "in integer set");
    p.expectPunct("(", "at start of integer set constraints");
    AffineParser ap = new AffineParser(p, named(h.names()));
    List<AffineExpr> constraints = new ArrayList<>();
    List<Boolean> eqs = new ArrayList<>();
    while (!p.acceptPunct(")")) {
      AffineExpr lhs = ap.parseExpr();
      Token op = p.tok();
      boolean eq;
      boolean flip = false;
      if (op.isPunct("=")) {
        p.consume();
        p.expectPunct("=", "in equality constraint");
        eq = true;
      } else if (op.isPunct(">")) {
        p.consume();
        p.expectPunct("=", "in inequality constraint");
        eq = false;
      } else if (op.isPunct("<")) {
        p.consume();
        p.expectPunct("=", "in inequality constraint");
        eq = false;
        flip = true;
      } else {
        throw p.error("expected '== affine-expr' or '>= affine-expr' or '<= affine-expr' after"
            + " affine expression");
      }
      AffineExpr rhs = ap.parseExpr();
      constraints.add(flip ? AffineExpr.sub(rhs, lhs) : AffineExpr.sub(lhs, rhs));
      eqs.add(eq);
      if (p.tok().isPunct(",")) {
        p.consume();
        continue;
      }
      p.expectPunct(")", "at end of integer set constraints");
      break;
    }
    return new IntegerSet(h.numDims(), h.numSymbols(), constraints, eqs);
  }

  /** Rethrows a construction failure of the core types as a located diagnostic. */
  static DiagnosticException invalid(AsmParser p, Token at, IllegalArgumentException e) {
    return p.error(at.location(), e.getMessage());
  }
}
