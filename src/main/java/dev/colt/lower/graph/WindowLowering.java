// Lowers conv2d, max_pool and avg_pool: optional padded copy, initialization, window nest.
package dev.colt.lower.graph;

import dev.colt.dialect.graph.AvgPoolOp;
import dev.colt.dialect.graph.Conv2dOp;
import dev.colt.dialect.graph.MaxPoolOp;
import dev.colt.dialect.graph.PoolSupport;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Sliding-window ops over NCHW buffers. When a window can leave the input (pads, or ceil mode),
 * the input is first copied into a buffer filled with the neutral value (0 for sums, -inf for
 * max) and large enough for every window, so the window nest needs no bounds checks.
 */
final class WindowLowering {
  private WindowLowering() {}

  private static MemRefType type(Value memref) {
    return (MemRefType) memref.type();
  }

  /** The geometry of a window op on one spatial dimension pair. */
  private record Window(List<Long> kernel, List<Long> strides, List<Long> pads,
      List<Long> dilations) {}

  /**
   * {@code x} when no window leaves it; otherwise a padded copy whose spatial extents cover
   * every window of an {@code outShape} result, filled with {@code fill} around the input.
   */
  private static Value padded(LoweringContext c, Value x, Window w, List<Long> outShape,
      double fill) {
    List<Long> shape = type(x).shape();
    List<Long> paddedShape = new ArrayList<>(shape.subList(0, 2));
    boolean needed = false;
    for (int i = 0; i < 2; i++) {
      long in = shape.get(2 + i);
      long span = (outShape.get(2 + i) - 1) * w.strides().get(i)
          + (w.kernel().get(i) - 1) * w.dilations().get(i) + 1;
      long extent = Math.max(in + w.pads().get(i) + w.pads().get(i + 2), span);
      paddedShape.add(extent);
      needed |= w.pads().get(i) > 0 || extent > in;
    }
    if (!needed) {
      return x;
    }
    Type t = type(x).elementType();
    Value buffer = c.alloc(new MemRefType(paddedShape, t));
    Value fillValue = c.constant(fill, t);
    Nests.forEach(c.body(), paddedShape, (b, ivs) ->
        Nests.store(b, fillValue, buffer, Nests.dims(0, 4), ivs));
    List<AffineExpr> shifted = List.of(AffineExpr.dim(0), AffineExpr.dim(1),
        AffineExpr.add(AffineExpr.dim(2), AffineExpr.constant(w.pads().get(0))),
        AffineExpr.add(AffineExpr.dim(3), AffineExpr.constant(w.pads().get(1))));
    Nests.forEach(c.body(), shape, (b, ivs) ->
        Nests.store(b, Nests.load(b, x, Nests.dims(0, 4), ivs), buffer, shifted, ivs));
    return buffer;
  }

  /** {@code o * stride + k * dilation} over dims {@code o} and {@code k}. */
  private static AffineExpr windowIndex(int o, int k, long stride, long dilation) {
    return AffineExpr.add(AffineExpr.mul(AffineExpr.dim(o), AffineExpr.constant(stride)),
        AffineExpr.mul(AffineExpr.dim(k), AffineExpr.constant(dilation)));
  }

  /**
   * out[n, m, oh, ow] = bias[m] (or 0); then over [n, m, oh, ow, c, kh, kw]:
   * out += xp[n, (m floordiv M/g) * C/g + c, oh*s + kh*d, ow*s + kw*d] * w[m, c, kh, kw].
   */
  static void conv2d(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> outShape = type(out).shape();
    List<Long> wShape = type(in.get(1)).shape();
    Type t = type(out).elementType();
    Window w = new Window(wShape.subList(2, 4), Conv2dOp.strides(op.attributes()),
        Conv2dOp.pads(op.attributes()), Conv2dOp.dilations(op.attributes()));
    long group = Conv2dOp.group(op.attributes());
    Value x = padded(c, in.get(0), w, outShape, 0);
    List<AffineExpr> oIdx = Nests.dims(0, 4);
    if (in.size() == 3) {
      Value bias = in.get(2);
      Nests.forEach(c.body(), outShape, (b, ivs) -> Nests.store(b,
          Nests.load(b, bias, List.of(AffineExpr.dim(1)), ivs), out, oIdx, ivs));
    } else {
      Value zero = c.constant(0, t);
      Nests.forEach(c.body(), outShape, (b, ivs) -> Nests.store(b, zero, out, oIdx, ivs));
    }
    long cPerGroup = wShape.get(1);
    long mPerGroup = outShape.get(1) / group;
    AffineExpr channel = group == 1 ? AffineExpr.dim(4) : AffineExpr.add(AffineExpr.mul(
        AffineExpr.floorDiv(AffineExpr.dim(1), AffineExpr.constant(mPerGroup)),
        AffineExpr.constant(cPerGroup)), AffineExpr.dim(4));
    List<AffineExpr> xIdx = List.of(AffineExpr.dim(0), channel,
        windowIndex(2, 5, w.strides().get(0), w.dilations().get(0)),
        windowIndex(3, 6, w.strides().get(1), w.dilations().get(1)));
    List<AffineExpr> wIdx = List.of(AffineExpr.dim(1), AffineExpr.dim(4), AffineExpr.dim(5),
        AffineExpr.dim(6));
    List<Long> extents = new ArrayList<>(outShape);
    extents.addAll(wShape.subList(1, 4));
    Value filter = in.get(1);
    Nests.forEach(c.body(), extents, (b, ivs) -> {
      Value prod = Scalars.mul(b, Nests.load(b, x, xIdx, ivs), Nests.load(b, filter, wIdx, ivs));
      Value acc = Nests.load(b, out, oIdx, ivs);
      Nests.store(b, Scalars.add(b, acc, prod), out, oIdx, ivs);
    });
  }

  /**
   * max_pool: out = -inf, then out = max(out, window). avg_pool: out = 0, out += window, then
   * out *= 1/count with count following {@code count_include_pad} (cells of the explicit pads
   * count, cells past them never do).
   */
  static void pool(LoweringContext c, Operation op, List<Value> in, Value out) {
    List<Long> outShape = type(out).shape();
    List<Long> inShape = type(in.get(0)).shape();
    Type t = type(out).elementType();
    Window w = new Window(PoolSupport.kernel(op.attributes()), PoolSupport.strides(op.attributes()),
        PoolSupport.pads(op.attributes()), PoolSupport.dilations(op.attributes()));
    boolean max = op.is(MaxPoolOp.NAME);
    double neutral = max ? Double.NEGATIVE_INFINITY : 0;
    Value x = padded(c, in.get(0), w, outShape, neutral);
    List<AffineExpr> oIdx = Nests.dims(0, 4);
    Value init = c.constant(neutral, t);
    Nests.forEach(c.body(), outShape, (b, ivs) -> Nests.store(b, init, out, oIdx, ivs));
    List<AffineExpr> xIdx = List.of(AffineExpr.dim(0), AffineExpr.dim(1),
        windowIndex(2, 4, w.strides().get(0), w.dilations().get(0)),
        windowIndex(3, 5, w.strides().get(1), w.dilations().get(1)));
    List<Long> extents = new ArrayList<>(outShape);
    extents.addAll(w.kernel());
    Nests.forEach(c.body(), extents, (b, ivs) -> {
      Value v = Nests.load(b, x, xIdx, ivs);
      Value acc = Nests.load(b, out, oIdx, ivs);
      Nests.store(b, max ? Scalars.max(b, acc, v) : Scalars.add(b, acc, v), out, oIdx, ivs);
    });
    if (max) {
      return;
    }
    boolean includePad = AvgPoolOp.countIncludePad(op.attributes());
    long[] countH = counts(inShape.get(2), outShape.get(2), w, 0, includePad);
    long[] countW = counts(inShape.get(3), outShape.get(3), w, 1, includePad);
    double[] reciprocal = new double[countH.length * countW.length];
    boolean uniform = true;
    for (int i = 0; i < countH.length; i++) {
      for (int j = 0; j < countW.length; j++) {
        reciprocal[i * countW.length + j] = 1.0 / (countH[i] * countW[j]);
        uniform &= reciprocal[i * countW.length + j] == reciprocal[0];
      }
    }
    if (uniform) {
      Value r = c.constant(reciprocal[0], t);
      Nests.forEach(c.body(), outShape, (b, ivs) -> Nests.store(b,
          Scalars.mul(b, Nests.load(b, out, oIdx, ivs), r), out, oIdx, ivs));
    } else {
      Value r = c.constantBuffer(new MemRefType(outShape.subList(2, 4), t), reciprocal);
      List<AffineExpr> rIdx = List.of(AffineExpr.dim(2), AffineExpr.dim(3));
      Nests.forEach(c.body(), outShape, (b, ivs) -> Nests.store(b, Scalars.mul(b,
          Nests.load(b, out, oIdx, ivs), Nests.load(b, r, rIdx, ivs)), out, oIdx, ivs));
    }
  }

  /** Per output position along dimension {@code dim}: how many window cells the divisor counts. */
  private static long[] counts(long in, long out, Window w, int dim, boolean includePad) {
    long[] counts = new long[(int) out];
    long lo = includePad ? -w.pads().get(dim) : 0;
    long hi = includePad ? in + w.pads().get(dim + 2) : in;
    for (int o = 0; o < out; o++) {
      for (int k = 0; k < w.kernel().get(dim); k++) {
        long pos = o * w.strides().get(dim) + k * w.dilations().get(dim) - w.pads().get(dim);
        if (pos >= lo && pos < hi) {
          counts[o]++;
        }
      }
    }
    return counts;
  }
}
