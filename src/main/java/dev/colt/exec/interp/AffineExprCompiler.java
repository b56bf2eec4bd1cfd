// Compiles affine expressions and maps into LongExpr closures over the frame's index slots.
package dev.colt.exec.interp;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Operation;
import java.util.List;

/**
 * Turns an {@link AffineExpr} into a closure reading dims and symbols from int slots, with the
 * affine semantics of {@link AffineExpr#evaluate}: floordiv/ceildiv round toward minus/plus
 * infinity and mod is non-negative. A zero divisor or non-positive modulus met at run time raises
 * InterpreterException at {@code op}.
 */
final class AffineExprCompiler {
  private AffineExprCompiler() {}

  /**
   * Compiles every result of {@code map}, whose operands (dims then symbols) are in
   * {@code operandSlots}. Fails at {@code op} when the operand count differs from the map's inputs.
   */
  static LongExpr[] compile(AffineMap map, int[] operandSlots, Operation op) {
    if (operandSlots.length != map.numInputs()) {
      throw new InterpreterException(op, "map " + map + " takes " + map.numInputs()
          + " operands but has " + operandSlots.length);
    }
    List<AffineExpr> results = map.results();
    LongExpr[] out = new LongExpr[results.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compile(results.get(i), operandSlots, map.numDims(), op);
    }
    return out;
  }

  static LongExpr compile(AffineExpr e, int[] slots, int numDims, Operation op) {
    return switch (e) {
      case AffineExpr.Dim d -> {
        int s = slots[d.position()];
        yield f -> f.ints[s];
      }
      case AffineExpr.Symbol sym -> {
        int s = slots[numDims + sym.position()];
        yield f -> f.ints[s];
      }
      case AffineExpr.Constant c -> {
        long v = c.value();
        yield f -> v;
      }
      case AffineExpr.Binary b -> binary(b, compile(b.lhs(), slots, numDims, op),
          compile(b.rhs(), slots, numDims, op), op);
    };
  }

  private static LongExpr binary(AffineExpr.Binary b, LongExpr l, LongExpr r, Operation op) {
    if (b.rhs() instanceof AffineExpr.Constant c) {
      long k = c.value();
      switch (b.kind()) {
        case ADD -> {
          return f -> l.eval(f) + k;
        }
        case MUL -> {
          return f -> l.eval(f) * k;
        }
        case FLOORDIV -> {
          if (k > 0) {
            return f -> Math.floorDiv(l.eval(f), k);
          }
        }
        case CEILDIV -> {
          if (k > 0) {
            return f -> -Math.floorDiv(-l.eval(f), k);
          }
        }
        case MOD -> {
          if (k > 0) {
            return f -> Math.floorMod(l.eval(f), k);
          }
        }
      }
    }
    return switch (b.kind()) {
      case ADD -> f -> l.eval(f) + r.eval(f);
      case MUL -> f -> l.eval(f) * r.eval(f);
      case FLOORDIV -> f -> Math.floorDiv(l.eval(f), nonZero(r.eval(f), op));
      case CEILDIV -> f -> -Math.floorDiv(-l.eval(f), nonZero(r.eval(f), op));
      case MOD -> f -> {
        long m = r.eval(f);
        if (m <= 0) {
          throw new InterpreterException(op, "affine mod by non-positive value " + m);
        }
        return Math.floorMod(l.eval(f), m);
      };
    };
  }

  private static long nonZero(long v, Operation op) {
    if (v == 0) {
      throw new InterpreterException(op, "affine division by zero");
    }
    return v;
  }
}
