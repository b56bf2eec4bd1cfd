// Bounds-checked element and vector accesses to buffers, reporting failures at the accessing op.
package dev.colt.exec.interp;

import dev.colt.exec.data.Buffer;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.Arrays;

/** Turns subscripts into checked linear indices and moves vectors between buffers and arrays. */
final class Access {
  private Access() {}

  /** The memref type of {@code v}; fails at {@code op} otherwise. */
  static MemRefType memref(Operation op, Value v) {
    if (v.type() instanceof MemRefType m) {
      if (!(m.elementType().isFloat() || m.elementType().isIntOrIndex())) {
        throw new InterpreterException(op, "memrefs of " + m.elementType()
            + " elements are not supported");
      }
      return m;
    }
    throw new InterpreterException(op, "expects a memref operand, got " + v.type());
  }

  /** Fails at {@code op} unless {@code count} subscripts fit a memref of {@code type}. */
  static void checkRank(Operation op, MemRefType type, int count) {
    if (type.rank() != count) {
      throw new InterpreterException(op, "has " + count + " subscripts for a rank-" + type.rank()
          + " memref");
    }
  }

  static InterpreterException outOfBounds(Operation op, Buffer b, int dim, long index) {
    return new InterpreterException(op, "index " + index + " is out of bounds [0, " + b.dim(dim)
        + ") in dimension " + dim + " of " + b.type());
  }

  /** Computes the checked row-major linear index of one access into a buffer. */
  @FunctionalInterface
  interface LinearIndex {
    long at(Frame f, Buffer b);
  }

  /**
   * The linear index of subscripts {@code map} applied to the int slots {@code operandSlots}.
   * Subscripts of the form {@code d + c} or {@code s + c} read their slot directly (the common
   * case in loop nests); ranks 1 to 3 of such subscripts get unrolled code.
   */
  static LinearIndex indexer(Operation op, dev.colt.ir.AffineMap map, int[] operandSlots) {
    LongExpr[] general = AffineExprCompiler.compile(map, operandSlots, op);
    int rank = general.length;
    int[] slot = new int[rank];
    long[] offset = new long[rank];
    for (int k = 0; k < rank; k++) {
      slot[k] = directSlot(map.result(k), operandSlots, map.numDims(), offset, k);
      if (slot[k] < 0) {
        return (f, b) -> linear(op, b, f, general);
      }
    }
    return direct(op, slot, offset, general);
  }

  /** The linear index of subscripts held directly in the int slots {@code slots}. */
  static LinearIndex indexer(Operation op, int[] slots) {
    LongExpr[] general = new LongExpr[slots.length];
    for (int k = 0; k < slots.length; k++) {
      int s = slots[k];
      general[k] = f -> f.ints[s];
    }
    return direct(op, slots.clone(), new long[slots.length], general);
  }

  /** Slot of a subscript {@code d + c} / {@code s + c} (c stored in offset[k]), or -1. */
  private static int directSlot(dev.colt.ir.AffineExpr e, int[] slots, int numDims,
      long[] offset, int k) {
    if (e instanceof dev.colt.ir.AffineExpr.Binary bin
        && bin.kind() == dev.colt.ir.AffineExpr.Kind.ADD
        && bin.rhs() instanceof dev.colt.ir.AffineExpr.Constant c) {
      offset[k] = c.value();
      e = bin.lhs();
    }
    return switch (e) {
      case dev.colt.ir.AffineExpr.Dim d -> slots[d.position()];
      case dev.colt.ir.AffineExpr.Symbol sym -> slots[numDims + sym.position()];
      default -> -1;
    };
  }

  private static LinearIndex direct(Operation op, int[] slot, long[] offset,
      LongExpr[] general) {
    switch (slot.length) {
      case 1 -> {
        int s0 = slot[0];
        long c0 = offset[0];
        return (f, b) -> {
          long i = f.ints[s0] + c0;
          if (i < 0 || i >= b.dim(0)) {
            throw outOfBounds(op, b, 0, i);
          }
          return i;
        };
      }
      case 2 -> {
        int s0 = slot[0];
        int s1 = slot[1];
        long c0 = offset[0];
        long c1 = offset[1];
        return (f, b) -> {
          long i = f.ints[s0] + c0;
          long j = f.ints[s1] + c1;
          long d1 = b.dim(1);
          if (i < 0 || i >= b.dim(0)) {
            throw outOfBounds(op, b, 0, i);
          }
          if (j < 0 || j >= d1) {
            throw outOfBounds(op, b, 1, j);
          }
          return i * d1 + j;
        };
      }
      case 3 -> {
        int s0 = slot[0];
        int s1 = slot[1];
        int s2 = slot[2];
        long c0 = offset[0];
        long c1 = offset[1];
        long c2 = offset[2];
        return (f, b) -> {
          long i = f.ints[s0] + c0;
          long j = f.ints[s1] + c1;
          long k = f.ints[s2] + c2;
          long d1 = b.dim(1);
          long d2 = b.dim(2);
          if (i < 0 || i >= b.dim(0)) {
            throw outOfBounds(op, b, 0, i);
          }
          if (j < 0 || j >= d1) {
            throw outOfBounds(op, b, 1, j);
          }
          if (k < 0 || k >= d2) {
            throw outOfBounds(op, b, 2, k);
          }
          return (i * d1 + j) * d2 + k;
        };
      }
      default -> {
        return (f, b) -> linear(op, b, f, general);
      }
    }
  }

  /** Checked row-major linear index of subscripts computed by {@code idx}. */
  static long linear(Operation op, Buffer b, Frame f, LongExpr[] idx) {
    long lin = 0;
    for (int k = 0; k < idx.length; k++) {
      long x = idx[k].eval(f);
      long d = b.dim(k);
      if (x < 0 || x >= d) {
        throw outOfBounds(op, b, k, x);
      }
      lin = lin * d + x;
    }
    return lin;
  }

  /** Checked row-major linear index of the subscripts in int slots {@code slots}. */
  static long linear(Operation op, Buffer b, Frame f, int[] slots) {
    long lin = 0;
    for (int k = 0; k < slots.length; k++) {
      long x = f.ints[slots[k]];
      long d = b.dim(k);
      if (x < 0 || x >= d) {
        throw outOfBounds(op, b, k, x);
      }
      lin = lin * d + x;
    }
    return lin;
  }

  /** Evaluates subscript expressions into a fresh array. */
  static long[] eval(Frame f, LongExpr[] idx) {
    long[] out = new long[idx.length];
    for (int k = 0; k < idx.length; k++) {
      out[k] = idx[k].eval(f);
    }
    return out;
  }

  /** Reads slots into a fresh array. */
  static long[] read(Frame f, int[] slots) {
    long[] out = new long[slots.length];
    for (int k = 0; k < slots.length; k++) {
      out[k] = f.ints[slots[k]];
    }
    return out;
  }

  /** The shape of a vector type as ints. */
  static int[] shape(VectorType t) {
    return t.shape().stream().mapToInt(Long::intValue).toArray();
  }

  /** Fails at {@code op} unless a vector of {@code vt} can be read from/written to {@code mt}. */
  static void checkVectorFits(Operation op, MemRefType mt, VectorType vt) {
    if (vt.rank() > mt.rank()) {
      throw new InterpreterException(op, "vector " + vt + " has a higher rank than " + mt);
    }
    if (!vt.elementType().equals(mt.elementType())) {
      throw new InterpreterException(op, "vector element type " + vt.elementType()
          + " differs from the memref element type " + mt.elementType());
    }
  }

  /**
   * Reads a vector of shape {@code vshape} whose dimensions span the innermost memref dims,
   * starting at {@code base}; every element must be in bounds.
   */
  static Object loadVector(Operation op, Buffer b, long[] base, int[] vshape, boolean isFloat) {
    int n = 1;
    for (int d : vshape) {
      n *= d;
    }
    long[] pos = base.clone();
    int offset = base.length - vshape.length;
    double[] fl = isFloat ? new double[n] : null;
    long[] il = isFloat ? null : new long[n];
    int[] counter = new int[vshape.length];
    for (int e = 0; e < n; e++) {
      for (int k = 0; k < vshape.length; k++) {
        pos[offset + k] = base[offset + k] + counter[k];
      }
      long lin = checkedLinear(op, b, pos);
      if (isFloat) {
        fl[e] = b.getDouble(lin);
      } else {
        il[e] = b.getLong(lin);
      }
      increment(counter, vshape);
    }
    return isFloat ? fl : il;
  }

  /** Writes a vector the way {@link #loadVector} reads one. */
  static void storeVector(Operation op, Buffer b, long[] base, int[] vshape, Object value) {
    long[] pos = base.clone();
    int offset = base.length - vshape.length;
    int[] counter = new int[vshape.length];
    int n = value instanceof double[] d ? d.length : ((long[]) value).length;
    for (int e = 0; e < n; e++) {
      for (int k = 0; k < vshape.length; k++) {
        pos[offset + k] = base[offset + k] + counter[k];
      }
      long lin = checkedLinear(op, b, pos);
      if (value instanceof double[] d) {
        b.setDouble(lin, d[e]);
      } else {
        b.setLong(lin, ((long[]) value)[e]);
      }
      increment(counter, vshape);
    }
  }

  /** Checked linear index of explicit subscripts. */
  static long checkedLinear(Operation op, Buffer b, long[] pos) {
    long lin = 0;
    for (int k = 0; k < pos.length; k++) {
      long d = b.dim(k);
      if (pos[k] < 0 || pos[k] >= d) {
        throw new InterpreterException(op, "access " + Arrays.toString(pos)
            + " is out of bounds in dimension " + k + " of " + b.type());
      }
      lin = lin * d + pos[k];
    }
    return lin;
  }

  /** Advances a row-major counter over {@code shape}. */
  static void increment(int[] counter, int[] shape) {
    for (int k = counter.length - 1; k >= 0; k--) {
      if (++counter[k] < shape[k]) {
        return;
      }
      counter[k] = 0;
    }
  }

  /** True when values of {@code t} (scalar or vector element) are floats. */
  static boolean isFloat(Type t) {
    return t.elementTypeOrSelf().isFloat();
  }
}
