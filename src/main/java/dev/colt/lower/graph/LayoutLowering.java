// Lowers transpose, reshape/flatten, concat and plain copies to one copy nest each.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.ConcatOp;
import dev.colt.dialect.graph.TransposeOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;

/** Data movement: every output element is read from one input element. */
final class LayoutLowering {
  private LayoutLowering() {}

  private static MemRefType type(Value memref) {
    return (MemRefType) memref.type();
  }

  /** out[i] = in[i] for buffers of one shape. */
  static void copy(LoweringContext c, Value in, Value out) {
    List<Long> shape = type(out).shape();
    List<AffineExpr> idx = Nests.dims(0, shape.size());
    Nests.forEach(c.body(), shape, (b, ivs) ->
        Nests.store(b, Nests.load(b, in, idx, ivs), out, idx, ivs));
  }

  /** out[i_0, ..] = in[j] with j[perm[k]] = i_k. */
  static void transpose(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> shape = type(out).shape();
    List<Integer> perm = TransposeOp.perm(op.attributes(), shape.size());
    AffineExpr[] inIdx = new AffineExpr[shape.size()];
    for (int k = 0; k < perm.size(); k++) {
      inIdx[perm.get(k)] = AffineExpr.dim(k);
    }
    List<AffineExpr> outIdx = Nests.dims(0, shape.size());
    Nests.forEach(c.body(), shape, (b, ivs) ->
        Nests.store(b, Nests.load(b, in.get(0), List.of(inIdx), ivs), out, outIdx, ivs));
  }

  /** reshape and flatten: the same row-major element order under another shape. */
  static void reshape(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> outShape = type(out).shape();
    List<Long> inShape = type(in.get(0)).shape();
    AffineExpr linear = AffineExpr.constant(0);
    long stride = 1;
    for (int k = outShape.size() - 1; k >= 0; k--) {
      linear = AffineExpr.add(linear, AffineExpr.mul(AffineExpr.dim(k),
          AffineExpr.constant(stride)));
      stride *= outShape.get(k);
    }
    List<AffineExpr> inIdx = new ArrayList<>();
    long inStride = 1;
    AffineExpr[] exprs = new AffineExpr[inShape.size()];
    for (int k = inShape.size() - 1; k >= 0; k--) {
      AffineExpr e = AffineExpr.floorDiv(linear, AffineExpr.constant(inStride));
      if (k > 0) {
        e = AffineExpr.mod(e, AffineExpr.constant(inShape.get(k)));
      }
      exprs[k] = e;
      inStride *= inShape.get(k);
    }
    inIdx.addAll(List.of(exprs));
    List<AffineExpr> outIdx = Nests.dims(0, outShape.size());
    Nests.forEach(c.body(), outShape, (b, ivs) ->
        Nests.store(b, Nests.load(b, in.get(0), inIdx, ivs), out, outIdx, ivs));
  }

  /** One copy nest per operand, offset along the axis. */
  static void concat(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> outShape = type(out).shape();
    int axis = ConcatOp.axis(op.attributes(), outShape.size());
    long offset = 0;
    for (Value v : in) {
      List<Long> shape = type(v).shape();
      List<AffineExpr> outIdx = new ArrayList<>(Nests.dims(0, shape.size()));
      outIdx.set(axis, AffineExpr.add(AffineExpr.dim(axis), AffineExpr.constant(offset)));
      Nests.forEach(c.body(), shape, (b, ivs) -> Nests.store(b,
          Nests.load(b, v, Nests.dims(0, shape.size()), ivs), out, outIdx, ivs));
      offset += shape.get(axis);
    }
  }
}
