// Shape arithmetic shared by graph shape inference: broadcasting, axes, window output sizes.
package dev.colt.dialect.graph;

import dev.colt.ir.ShapedType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Type;
import java.util.ArrayList;
import java.util.List;

/** Static helpers for shape inference; failures are {@link ShapeException}s. */
public final class Shapes {
  private Shapes() {}

  /** Formats a shape as {@code [2, 3]}. */
  public static String show(List<Long> shape) {
    return shape.toString();
  }

  /** Fails unless {@code t} is a statically shaped tensor; returns it. */
  public static TensorType requireStatic(Type t, String what) {
    if (!(t instanceof TensorType tt)) {
      throw new ShapeException(what + " must be a tensor, got " + t);
    }
    if (!tt.hasStaticShape()) {
      throw new ShapeException(what + " must have a static shape, got " + t);
    }
    return tt;
  }

  /** Returns {@code t}; fails unless its elements are floats. */
  public static TensorType requireFloat(TensorType t) {
    if (!t.elementType().isFloat()) {
      throw new ShapeException("operand must have float elements, got " + t);
    }
    return t;
  }

  /** Fails unless {@code t} has rank {@code rank}. */
  public static void requireRank(TensorType t, int rank, String what) {
    if (t.rank() != rank) {
      throw new ShapeException(what + " must have rank " + rank + ", got " + t);
    }
  }

  /** Fails unless all types share the element type of the first. */
  public static Type sameElementType(List<TensorType> types) {
    Type e = types.get(0).elementType();
    for (TensorType t : types) {
      if (!t.elementType().equals(e)) {
        throw new ShapeException("element types differ: " + types.get(0) + " vs " + t);
      }
    }
    return e;
  }

  /** Numpy multidirectional broadcast of two shapes. */
  public static List<Long> broadcast(List<Long> a, List<Long> b) {
    int rank = Math.max(a.size(), b.size());
    List<Long> out = new ArrayList<>(rank);
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.size() ? 1 : a.get(i - (rank - a.size()));
      long db = i < rank - b.size() ? 1 : b.get(i - (rank - b.size()));
      if (da != db && da != 1 && db != 1) {
        throw new ShapeException("shapes " + show(a) + " and " + show(b)
            + " are not broadcast-compatible (dimension " + i + ": " + da + " vs " + db + ")");
      }
      out.add(da == 1 ? db : da);
    }
    return out;
  }

  /** True when {@code from} broadcasts to exactly {@code to} (unidirectional). */
  public static boolean broadcastsTo(List<Long> from, List<Long> to) {
    if (from.size() > to.size()) {
      return false;
    }
    int off = to.size() - from.size();
    for (int i = 0; i < from.size(); i++) {
      long d = from.get(i);
      if (d != 1 && d != to.get(i + off)) {
        return false;
      }
    }
    return true;
  }

  /** Maps a possibly negative axis into [0, rank); fails when out of range. */
  public static int normalizeAxis(long axis, int rank, String what) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new ShapeException(what + " " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  /** Like {@link #normalizeAxis} but also accepts {@code rank} itself (flatten's axis). */
  public static int normalizeAxisInclusive(long axis, int rank, String what) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a > rank) {
      throw new ShapeException(what + " " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  /** Product of {@code shape[from..to)}. */
  public static long product(List<Long> shape, int from, int to) {
    long p = 1;
    for (int i = from; i < to; i++) {
      p *= shape.get(i);
    }
    return p;
  }

  public static long numElements(TensorType t) {
    return ((ShapedType) t).numElements();
  }

  /**
   * Output length of a sliding window: {@code floor_or_ceil((in + padBegin + padEnd
   * - dilation*(kernel-1) - 1) / stride) + 1}; with ceil mode, a last window starting in the end
   * padding is dropped (ONNX and PyTorch rule). Fails when the result is below 1.
   */
  public static long windowOutput(long in, long kernel, long stride, long padBegin, long padEnd,
      long dilation, boolean ceil, String what) {
    if (kernel < 1 || stride < 1 || dilation < 1 || padBegin < 0 || padEnd < 0) {
      throw new ShapeException(what + ": kernel, stride and dilation must be positive and pads"
          + " non-negative");
    }
    long span = dilation * (kernel - 1) + 1;
    long numer = in + padBegin + padEnd - span;
    if (numer < 0) {
      throw new ShapeException(what + ": window of " + span + " does not fit input of " + in
          + " with pads " + padBegin + "+" + padEnd);
    }
    long out = ceil ? Math.floorDiv(numer + stride - 1, stride) + 1 : numer / stride + 1;
    if (ceil && (out - 1) * stride >= in + padBegin) {
      out--;
    }
    return out;
  }

  /** Fails unless {@code list} has {@code n} entries. */
  public static void requireLength(List<Long> list, int n, String what) {
    if (list.size() != n) {
      throw new ShapeException(what + " must have " + n + " entries, got " + list.size());
    }
  }

  /** A list of {@code n} copies of {@code v}. */
  public static List<Long> repeat(long v, int n) {
    List<Long> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(v);
    }
    return out;
  }
}
