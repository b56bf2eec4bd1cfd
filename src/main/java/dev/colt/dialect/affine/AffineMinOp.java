// affine.min: the minimum of the results of an affine map applied to index operands.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;

/** {@code %0 = affine.min #map(%i)[%n]}: the minimum over the map's results (at least one). */
public final class AffineMinOp extends AffineMapOps {
  public static final String NAME = "affine.min";
  public static final String MAP = AffineMapOps.MAP;

  @Override
  public String name() {
    return NAME;
  }

  public static AffineMap map(Operation op) {
    return AffineSupport.map(op, MAP);
  }

  /** The map operands: dims then symbols. */
  public static List<Value> mapOperands(Operation op) {
    return op.operands();
  }

  /**
   * {@code affine.min map(operands)}.
   *
   * @throws IllegalArgumentException when the map has no result or does not fit the operands
   */
  public static Operation build(AffineMap map, List<Value> operands) {
    return createBound(NAME, map, operands);
  }

  @Override
  long combine(long[] results) {
    long best = Long.MAX_VALUE;
    for (long r : results) {
      best = Math.min(best, r);
    }
    return best;
  }
}
