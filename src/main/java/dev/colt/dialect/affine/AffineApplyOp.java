// affine.apply: the value of a single-result affine map applied to index operands.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import java.util.List;

/** {@code %0 = affine.apply #map(%i)[%n]}: attribute {@code map} (one result), index result. */
public final class AffineApplyOp extends AffineMapOps {
  public static final String NAME = "affine.apply";
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
   * {@code affine.apply map(operands)}.
   *
   * @throws IllegalArgumentException unless the map has one result and fits the index operands
   */
  public static Operation build(AffineMap map, List<Value> operands) {
    if (map.numResults() != 1) {
      throw new IllegalArgumentException(NAME + " needs a single-result map, got " + map);
    }
    return create(NAME, map, operands);
  }

  @Override
  List<dev.colt.ir.Type> parsedResultTypes(AffineMap map) {
    return java.util.Collections.nCopies(map.numResults(), dev.colt.ir.IndexType.INSTANCE);
  }

  @Override
  long combine(long[] results) {
    return results[0];
  }

  @Override
  void verifyResultCount(Operation op, AffineMap map, VerificationSink sink) {
    if (map.numResults() != 1) {
      AffineSupport.error(sink, op, "mapping must produce one value");
    }
  }
}
