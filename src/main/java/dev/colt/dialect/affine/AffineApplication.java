// An affine map together with the SSA values bound to its dims and symbols, with canonicalization.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code map} applied to {@code operands} (its dims, then its symbols), as in every affine op.
 * Construction fails with IllegalArgumentException when the operand count differs from the map's
 * input count.
 */
public record AffineApplication(AffineMap map, List<Value> operands) {
  public AffineApplication {
    operands = List.copyOf(operands);
    AffineSupport.checkArity(map, operands, "affine application");
  }

  public List<Value> dimOperands() {
    return operands.subList(0, map.numDims());
  }

  public List<Value> symbolOperands() {
    return operands.subList(map.numDims(), operands.size());
  }

  /**
   * The same computation with operands the map never reads dropped and repeated operands merged
   * (a value bound to two dims becomes one dim; likewise for symbols); dims and symbols are
   * renumbered in order of their remaining operands and results are re-simplified. This is the
   * form text read back from the custom syntax has, so built IR canonicalized this way prints and
   * re-parses to the same operands.
   */
  public AffineApplication canonicalize() {
    List<Value> newDims = new ArrayList<>();
    List<AffineExpr> dimRepl = renumber(dimOperands(), true, newDims);
    List<Value> newSyms = new ArrayList<>();
    List<AffineExpr> symRepl = renumber(symbolOperands(), false, newSyms);
    List<AffineExpr> results = new ArrayList<>();
    for (AffineExpr r : map.results()) {
      results.add(r.replace(dimRepl, symRepl).simplify());
    }
    List<Value> newOperands = new ArrayList<>(newDims);
    newOperands.addAll(newSyms);
    return new AffineApplication(new AffineMap(newDims.size(), newSyms.size(), results),
        newOperands);
  }

  /**
   * For each dim (or symbol) position, the expression replacing it: a fresh position for the first
   * used occurrence of a value, the same position for its repeats, and 0 for unused positions
   * (which no result reads, so the constant never appears).
   */
  private List<AffineExpr> renumber(List<Value> values, boolean dims, List<Value> kept) {
    Map<Value, Integer> positions = new IdentityHashMap<>();
    List<AffineExpr> repl = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int pos = i;
      boolean used = map.results().stream()
          .anyMatch(r -> dims ? r.usesDim(pos) : r.usesSymbol(pos));
      if (!used) {
        repl.add(AffineExpr.constant(0));
        continue;
      }
      Integer existing = positions.get(values.get(i));
      if (existing == null) {
        existing = kept.size();
        positions.put(values.get(i), existing);
        kept.add(values.get(i));
      }
      repl.add(dims ? AffineExpr.dim(existing) : AffineExpr.symbol(existing));
    }
    return repl;
  }
}
