// graph.transpose: permutes the dimensions of a tensor.
package dev.colt.dialect.graph;

import dev.colt.ir.Attribute;
import dev.colt.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %y = graph.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) ->
 * tensor<3x2xf32>}: y.shape[i] = x.shape[perm[i]] (default: reversed dimensions).
 */
public final class TransposeOp implements GraphOp {
  public static final String NAME = "graph.transpose";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int minOperands() {
    return 1;
  }

  @Override
  public int maxOperands() {
    return 1;
  }

  @Override
  public Map<String, AttrKind> attributeKinds() {
    return Map.of("perm", AttrKind.INTS);
  }

  /** The permutation; fails unless it is one of 0..rank-1. */
  public static List<Integer> perm(Map<String, Attribute> attrs, int rank) {
    List<Long> raw = GraphAttrs.getInts(attrs, "perm", null);
    List<Integer> perm = new ArrayList<>(rank);
    if (raw == null) {
      for (int i = rank - 1; i >= 0; i--) {
        perm.add(i);
      }
      return perm;
    }
    boolean[] seen = new boolean[rank];
    if (raw.size() != rank) {
      throw new ShapeException("perm " + raw + " must have " + rank + " entries");
    }
    for (long p : raw) {
      if (p < 0 || p >= rank || seen[(int) p]) {
        throw new ShapeException("perm " + raw + " is not a permutation of 0.." + (rank - 1));
      }
      seen[(int) p] = true;
      perm.add((int) p);
    }
    return perm;
  }

  @Override
  public TensorType inferResultType(List<TensorType> in, Map<String, Attribute> attrs) {
    TensorType x = in.get(0);
    List<Long> out = new ArrayList<>();
    for (int p : perm(attrs, x.rank())) {
      out.add(x.shape().get(p));
    }
    return new TensorType(out, x.elementType());
  }
}
