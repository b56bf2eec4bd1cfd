// Lowers matmul, batch_matmul and gemm to an initialization nest and a multiply-accumulate nest.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.GemmOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code C[.., i, j] = init; C[.., i, j] += A[.., i, k] * B[.., k, j]} with the reduction loop
 * innermost (i, j, k order) and the accumulation through memory, so loops stay permutable.
 */
final class ContractionLowering {
  private ContractionLowering() {}

  private static MemRefType type(Value memref) {
    return (MemRefType) memref.type();
  }

  /** matmul and batch_matmul (batch dimensions broadcast). */
  static void matmul(LoweringContext c, Operation op, List<Value> in, Value out) {
    Value zero = c.constant(0, type(out).elementType());
    List<Long> shape = type(out).shape();
    Nests.forEach(c.body(), shape, (b, ivs) ->
        Nests.store(b, zero, out, Nests.dims(0, shape.size()), ivs));
    accumulate(c, in.get(0), false, in.get(1), false, null, out);
  }

  static void gemm(LoweringContext c, Operation op, List<Value> in, Value out) {
    Type t = type(out).elementType();
    List<Long> shape = type(out).shape();
    double alpha = GemmOp.alpha(op.attributes());
    double beta = GemmOp.beta(op.attributes());
    if (in.size() == 3) {
      Value betaValue = beta == 1 ? null : c.constant(beta, t);
      Value cIn = in.get(2);
      Nests.forEach(c.body(), shape, (b, ivs) -> {
        Value v = Nests.load(b, cIn, Nests.broadcast(type(cIn).shape(), shape, 0), ivs);
        Nests.store(b, beta == 1 ? v : Scalars.mul(b, betaValue, v), out, Nests.dims(0, 2), ivs);
      });
    } else {
      Value zero = c.constant(0, t);
      Nests.forEach(c.body(), shape, (b, ivs) -> Nests.store(b, zero, out, Nests.dims(0, 2), ivs));
    }
    accumulate(c, in.get(0), GemmOp.transA(op.attributes()), in.get(1),
        GemmOp.transB(op.attributes()), alpha == 1 ? null : c.constant(alpha, t), out);
  }

  /**
   * The nest over [batch.., M, N, K]: out += (alpha *) a * b, where a/b are read transposed when
   * asked and their batch dimensions broadcast to out's.
   */
  private static void accumulate(LoweringContext c, Value a, boolean transA, Value bm,
      boolean transB, Value alpha, Value out) {
    List<Long> outShape = type(out).shape();
    List<Long> aShape = type(a).shape();
    int nb = outShape.size() - 2;
    long k = transA ? aShape.get(aShape.size() - 2) : aShape.get(aShape.size() - 1);
    List<Long> extents = new ArrayList<>(outShape);
    extents.add(k);
    AffineExpr i = AffineExpr.dim(nb);
    AffineExpr j = AffineExpr.dim(nb + 1);
    AffineExpr kk = AffineExpr.dim(nb + 2);
    List<Long> batch = outShape.subList(0, nb);
    List<AffineExpr> aIdx = batchExprs(aShape, batch);
    aIdx.addAll(transA ? List.of(kk, i) : List.of(i, kk));
    List<AffineExpr> bIdx = batchExprs(type(bm).shape(), batch);
    bIdx.addAll(transB ? List.of(j, kk) : List.of(kk, j));
    List<AffineExpr> oIdx = Nests.dims(0, nb + 2);
    Nests.forEach(c.body(), extents, (b, ivs) -> {
      Value x = Nests.load(b, a, aIdx, ivs);
      if (alpha != null) {
        x = Scalars.mul(b, alpha, x);
      }
      Value y = Nests.load(b, bm, bIdx, ivs);
      Value acc = Nests.load(b, out, oIdx, ivs);
      Nests.store(b, Scalars.add(b, acc, Scalars.mul(b, x, y)), out, oIdx, ivs);
    });
  }

  /** Broadcasting subscripts for the batch dimensions of an operand (all but its last two). */
  private static List<AffineExpr> batchExprs(List<Long> operandShape, List<Long> batch) {
    return new ArrayList<>(Nests.broadcast(operandShape.subList(0, operandShape.size() - 2),
        batch, 0));
  }
}
