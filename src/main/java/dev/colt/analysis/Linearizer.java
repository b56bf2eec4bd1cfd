// Expresses affine map results over SSA values, looking through affine.apply chains and index constants.
package dev.colt.analysis;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code map(operands)} into {@link LinearForm}s over the values that are not themselves
 * affine.apply results or index constants: loop induction variables and symbols. Non-linear parts
 * (floordiv, ceildiv, mod of non-constants, products of non-constants) become opaque.
 */
public final class Linearizer {
  private final LoopForest forest;
  /** Forms of values already seen: apply chains are shared by many accesses of one nest. */
  private final Map<Value, LinearForm> valueForms = new IdentityHashMap<>();

  public Linearizer(LoopForest forest) {
    this.forest = forest;
  }

  /** Each result of {@code map} applied to {@code operands} (dims then symbols). */
  public List<LinearForm> linearize(AffineMap map, List<Value> operands) {
    List<LinearForm> out = new ArrayList<>();
    for (AffineExpr e : map.results()) {
      out.add(linearize(e, map.numDims(), operands));
    }
    return out;
  }

  /** One expression over {@code operands} laid out as {@code numDims} dims then symbols. */
  public LinearForm linearize(AffineExpr e, int numDims, List<Value> operands) {
    return switch (e) {
      case AffineExpr.Dim d -> value(operands.get(d.position()));
      case AffineExpr.Symbol s -> value(operands.get(numDims + s.position()));
      case AffineExpr.Constant c -> LinearForm.constant(c.value());
      case AffineExpr.Binary b -> {
        LinearForm l = linearize(b.lhs(), numDims, operands);
        LinearForm r = linearize(b.rhs(), numDims, operands);
        yield switch (b.kind()) {
          case ADD -> l.plus(r);
          case MUL -> {
            if (r.isConstant()) {
              yield l.times(r.constant());
            }
            if (l.isConstant()) {
              yield r.times(l.constant());
            }
            yield l.plus(r).asOpaque();
          }
          case FLOORDIV, CEILDIV, MOD -> {
            if (l.isConstant() && r.isConstant() && r.constant() > 0) {
              long a = l.constant();
              long c = r.constant();
              yield LinearForm.constant(switch (b.kind()) {
                case FLOORDIV -> Math.floorDiv(a, c);
                case CEILDIV -> -Math.floorDiv(-a, c);
                default -> Math.floorMod(a, c);
              });
            }
            yield l.plus(r).asOpaque();
          }
        };
      }
    };
  }

  /** A value as a form: folded through affine.apply and index constants, else itself. */
  public synchronized LinearForm value(Value v) {
    LinearForm known = valueForms.get(v);
    if (known != null) {
      return known;
    }
    LinearForm form = valueUncached(v);
    valueForms.put(v, form);
    return form;
  }

  private LinearForm valueUncached(Value v) {
    Operation def = forest.definingOp(v);
    if (def != null && def.is(AffineOps.CONSTANT)
        && def.attr("value") instanceof Attribute.IntegerAttr ia) {
      return LinearForm.constant(ia.value());
    }
    if (def != null && def.is(AffineOps.APPLY)) {
      AffineMap m = AffineOps.map(def);
      return linearize(m.result(0), m.numDims(), def.operands());
    }
    return LinearForm.of(v);
  }
}
