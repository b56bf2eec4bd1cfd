// Lowers softmax, layer_norm, reduce_sum/reduce_mean and global_avg_pool to nests with reductions.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.LayerNormOp;
import dev.colt.dialect.graph.ReduceMeanOp;
import dev.colt.dialect.graph.ReduceSupport;
import dev.colt.dialect.graph.SoftmaxOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A parallel nest over the kept dimensions; inside it, reduction loops carrying the accumulator
 * in iter_args (dims of the inner loops follow the outer ones: {@code d_outer.., d_inner..}).
 */
final class ReductionLowering {
  private ReductionLowering() {}

  private static MemRefType type(Value memref) {
    return (MemRefType) memref.type();
  }

  /**
   * Subscripts of a full index whose dimensions are either kept (read from the outer ivs in
   * order) or reduced (read from the inner ivs, numbered after {@code numOuter} outer ivs).
   */
  private static List<AffineExpr> merge(int rank, List<Integer> reduced, int numOuter) {
    List<AffineExpr> out = new ArrayList<>(rank);
    int outer = 0;
    int inner = 0;
    for (int d = 0; d < rank; d++) {
      out.add(reduced.contains(d) ? AffineExpr.dim(numOuter + inner++) : AffineExpr.dim(outer++));
    }
    return out;
  }

  /** The extents of the dimensions in {@code dims} (selected) or of the others (not selected). */
  private static List<Long> pick(List<Long> shape, List<Integer> dims, boolean selected) {
    List<Long> out = new ArrayList<>();
    for (int d = 0; d < shape.size(); d++) {
      if (dims.contains(d) == selected) {
        out.add(shape.get(d));
      }
    }
    return out;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** y = exp(x - max) / sum(exp(x - max)) along the axis; three inner loops per row. */
  static void softmax(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> shape = type(out).shape();
    Type t = type(out).elementType();
    int axis = SoftmaxOp.axis(op.attributes(), shape.size());
    List<Integer> reduced = List.of(axis);
    List<Long> outer = pick(shape, reduced, false);
    List<Long> inner = List.of(shape.get(axis));
    List<AffineExpr> idx = merge(shape.size(), reduced, outer.size());
    Value negInf = c.constant(Double.NEGATIVE_INFINITY, t);
    Value zero = c.constant(0, t);
    Value x = in.get(0);
    Nests.forEach(c.body(), outer, (b, ivs) -> {
      Value max = Nests.reduce(b, inner, negInf, (rb, jv, acc) ->
          Scalars.max(rb, acc, Nests.load(rb, x, idx, concat(ivs, jv))));
      Value sum = Nests.reduce(b, inner, zero, (rb, jv, acc) -> {
        List<Value> all = concat(ivs, jv);
        Value e = Scalars.exp(rb, Scalars.sub(rb, Nests.load(rb, x, idx, all), max));
        Nests.store(rb, e, out, idx, all);
        return Scalars.add(rb, acc, e);
      });
      Nests.forEach(b, inner, (rb, jv) -> {
        List<Value> all = concat(ivs, jv);
        Nests.store(rb, Scalars.div(rb, Nests.load(rb, out, idx, all), sum), out, idx, all);
      });
    });
  }

  /**
   * Per outer index: mean = sum(x) / n; var = sum((x - mean)^2) / n; y = (x - mean) /
   * sqrt(var + eps) * scale + bias, with scale and bias broadcast over the normalized dims.
   */
  static void layerNorm(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> shape = type(out).shape();
    Type t = type(out).elementType();
    int axis = LayerNormOp.axis(op.attributes(), shape.size());
    List<Long> outer = shape.subList(0, axis);
    List<Long> inner = shape.subList(axis, shape.size());
    long n = 1;
    for (long d : inner) {
      n *= d;
    }
    List<AffineExpr> idx = Nests.dims(0, shape.size());
    Value zero = c.constant(0, t);
    Value count = c.constant(n, t);
    Value one = c.constant(1, t);
    Value eps = c.constant(LayerNormOp.epsilon(op.attributes()), t);
    Value x = in.get(0);
    Nests.forEach(c.body(), outer, (b, ivs) -> {
      Value sum = Nests.reduce(b, inner, zero, (rb, jv, acc) ->
          Scalars.add(rb, acc, Nests.load(rb, x, idx, concat(ivs, jv))));
      Value mean = Scalars.div(b, sum, count);
      Value sq = Nests.reduce(b, inner, zero, (rb, jv, acc) -> {
        Value d = Scalars.sub(rb, Nests.load(rb, x, idx, concat(ivs, jv)), mean);
        return Scalars.add(rb, acc, Scalars.mul(rb, d, d));
      });
      Value var = Scalars.div(b, sq, count);
      Value rstd = Scalars.div(b, one, Scalars.sqrt(b, Scalars.add(b, var, eps)));
      Nests.forEach(b, inner, (rb, jv) -> {
        List<Value> all = concat(ivs, jv);
        Value y = Scalars.mul(rb, Scalars.sub(rb, Nests.load(rb, x, idx, all), mean), rstd);
        y = Scalars.mul(rb, y, Nests.load(rb, in.get(1),
            Nests.broadcast(type(in.get(1)).shape(), inner, axis), all));
        if (in.size() == 3) {
          y = Scalars.add(rb, y, Nests.load(rb, in.get(2),
              Nests.broadcast(type(in.get(2)).shape(), inner, axis), all));
        }
        Nests.store(rb, y, out, idx, all);
      });
    });
  }

  /** reduce_sum / reduce_mean over the op's axes. */
  static void reduce(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> inShape = type(in.get(0)).shape();
    Type t = type(out).elementType();
    List<Integer> axes = ReduceSupport.axes(op.attributes(), inShape.size());
    boolean keep = ReduceSupport.keepDims(op.attributes());
    boolean mean = op.is(ReduceMeanOp.NAME);
    List<Long> outer = pick(inShape, axes, false);
    List<Long> inner = pick(inShape, axes, true);
    long n = 1;
    for (long d : inner) {
      n *= d;
    }
    List<AffineExpr> inIdx = merge(inShape.size(), axes, outer.size());
    List<AffineExpr> outIdx = new ArrayList<>();
    int o = 0;
    for (int d = 0; d < inShape.size(); d++) {
      if (!axes.contains(d)) {
        outIdx.add(AffineExpr.dim(o++));
      } else if (keep) {
        outIdx.add(AffineExpr.constant(0));
      }
    }
    Value zero = c.constant(0, t);
    Value count = mean ? c.constant(n, t) : null;
    Value x = in.get(0);
    Nests.forEach(c.body(), outer, (b, ivs) -> {
      Value sum = Nests.reduce(b, inner, zero, (rb, jv, acc) ->
          Scalars.add(rb, acc, Nests.load(rb, x, inIdx, concat(ivs, jv))));
      Nests.store(b, mean ? Scalars.div(b, sum, count) : sum, out, outIdx, ivs);
    });
  }

  /** The mean over every dimension after N and C. */
  static void globalAvgPool(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> inShape = type(in.get(0)).shape();
    Type t = type(out).elementType();
    List<Long> outer = inShape.subList(0, 2);
    List<Long> inner = inShape.subList(2, inShape.size());
    long n = 1;
    for (long d : inner) {
      n *= d;
    }
    List<AffineExpr> outIdx = new ArrayList<>(Nests.dims(0, 2));
    for (int d = 2; d < inShape.size(); d++) {
      outIdx.add(AffineExpr.constant(0));
    }
    Value zero = c.constant(0, t);
    Value count = c.constant(n, t);
    Value x = in.get(0);
    Nests.forEach(c.body(), outer, (b, ivs) -> {
      Value sum = Nests.reduce(b, inner, zero, (rb, jv, acc) -> Scalars.add(rb, acc,
          Nests.load(rb, x, Nests.dims(0, inShape.size()), concat(ivs, jv))));
      Nests.store(b, Scalars.div(b, sum, count), out, outIdx, ivs);
    });
  }
}
