// New bounds for interchanging two loops whose inner bounds shift with the outer induction variable (a parallelogram).
package dev.colt.transform;

import dev.colt.analysis.AffineOps;
import dev.colt.analysis.LinearForm;
import dev.colt.analysis.LoopBounds;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fourier-Motzkin elimination for the shape skewing produces: {@code for x = A to B} enclosing
 * {@code for y = c + f*x to e + f*x} (unit steps, single-result bounds, {@code f != 0}, A, B, c
 * and e free of x and y) iterates, for {@code f > 0}, the same points as
 * {@code for y = c + f*A to e + f*(B-1)} enclosing
 * {@code for x = max(A, ceildiv(y - e + 1, f)) to min(B, floordiv(y - c, f) + 1)}; for
 * {@code f < 0} (with {@code g = -f}) as {@code for y = c + f*(B-1) to e + f*A} enclosing
 * {@code for x = max(A, ceildiv(c - y, g)) to min(B, ceildiv(e - y, g))}.
 */
final class BoundsExchange {
  private BoundsExchange() {}

  /** Bounds (maps over their operands) of one loop. */
  record Bounds(AffineMap lower, List<Value> lowerOperands, AffineMap upper,
      List<Value> upperOperands) {
    Operation applyTo(Operation forOp) {
      return AffineOps.withBounds(forOp, lower, lowerOperands, upper, upperOperands);
    }
  }

  /** The new bounds of the loops once interchanged: {@code inner} goes outside. */
  record Exchange(Bounds newOuter, Bounds newInner) {}

  /** The exchanged bounds, or empty when the pair does not have the shape above. */
  static Optional<Exchange> of(LoopBounds bounds, Operation outer, Operation inner) {
    if (AffineOps.step(outer) != 1 || AffineOps.step(inner) != 1) {
      return Optional.empty();
    }
    LinearForm a = single(bounds.lowerForms(outer));
    LinearForm b = single(bounds.upperForms(outer));
    LinearForm lo = single(bounds.lowerForms(inner));
    LinearForm up = single(bounds.upperForms(inner));
    if (a == null || b == null || lo == null || up == null) {
      return Optional.empty();
    }
    Value x = AffineOps.inductionVar(outer);
    Value y = AffineOps.inductionVar(inner);
    long f = lo.coefficient(x);
    if (f == 0 || up.coefficient(x) != f || a.dependsOn(y) || b.dependsOn(y)) {
      return Optional.empty();
    }
    LinearForm c = lo.minus(LinearForm.of(x).times(f));
    LinearForm e = up.minus(LinearForm.of(x).times(f));
    MapBuilder yl = new MapBuilder();
    MapBuilder yu = new MapBuilder();
    MapBuilder xl = new MapBuilder();
    MapBuilder xu = new MapBuilder();
    LinearForm one = LinearForm.constant(1);
    LinearForm yv = LinearForm.of(y);
    AffineExpr g = AffineExpr.constant(Math.abs(f));
    Bounds newOuter;
    Bounds newInner;
    if (f > 0) {
      newOuter = new Bounds(yl.map(yl.expr(c.plus(a.times(f)))), yl.operands,
          yu.map(yu.expr(e.plus(b.minus(one).times(f)))), yu.operands);
      newInner = new Bounds(
          xl.map(xl.expr(a), AffineExpr.ceilDiv(xl.expr(yv.minus(e).plus(one)), g)),
          xl.operands,
          xu.map(xu.expr(b), AffineExpr.floorDiv(xu.expr(yv.minus(c)), g).plus(1)),
          xu.operands);
    } else {
      newOuter = new Bounds(yl.map(yl.expr(c.plus(b.minus(one).times(f)))), yl.operands,
          yu.map(yu.expr(e.plus(a.times(f)))), yu.operands);
      newInner = new Bounds(
          xl.map(xl.expr(a), AffineExpr.ceilDiv(xl.expr(c.minus(yv)), g)), xl.operands,
          xu.map(xu.expr(b), AffineExpr.ceilDiv(xu.expr(e.minus(yv)), g)), xu.operands);
    }
    return Optional.of(new Exchange(newOuter, newInner));
  }

  private static LinearForm single(List<LinearForm> forms) {
    return forms.size() == 1 && forms.get(0).isExact() ? forms.get(0) : null;
  }

  /** Turns linear forms into expressions over dimensions, one per distinct value. */
  private static final class MapBuilder {
    final List<Value> operands = new ArrayList<>();
    private final Map<Value, Integer> dims = new IdentityHashMap<>();

    AffineExpr expr(LinearForm form) {
      AffineExpr out = AffineExpr.constant(form.constant());
      for (Map.Entry<Value, Long> t : form.terms().entrySet()) {
        int d = dims.computeIfAbsent(t.getKey(), v -> {
          operands.add(v);
          return operands.size() - 1;
        });
        out = out.plus(AffineExpr.dim(d).times(t.getValue()));
      }
      return out;
    }

    AffineMap map(AffineExpr... results) {
      return new AffineMap(operands.size(), 0, List.of(results));
    }
  }
}
