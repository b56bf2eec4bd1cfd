// Interpreter semantics of the vector dialect: loads, stores, masked transfers, broadcast, fma, reductions, extract/insert.
package dev.colt.exec.interp;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.Numerics;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import java.util.Map;

/**
 * vector ops on flat row-major arrays (double[] for float elements, long[] otherwise). vector.load
 * and vector.store require every element in bounds. vector.transfer_read/transfer_write follow
 * MLIR: along a dimension not marked {@code in_bounds}, elements past the end read the padding
 * (or are not written); an element out of bounds along an in_bounds dimension is an error; a
 * false mask bit reads the padding (or skips the write). Reductions run in element order, rounding
 * after each step.
 */
final class VectorOps {
  private VectorOps() {}

  static void register(Map<String, OpCompiler> m) {
    m.put("vector.load", VectorOps::load);
    m.put("vector.store", VectorOps::store);
    m.put("vector.transfer_read", VectorOps::transferRead);
    m.put("vector.transfer_write", VectorOps::transferWrite);
    m.put("vector.broadcast", VectorOps::broadcast);
    m.put("vector.splat", VectorOps::broadcast);
    m.put("vector.fma", (op, c) -> {
      int w = Elementwise.floatWidth(op, op.result().type());
      return Elementwise.floats3ToFloat(op, c, switch (w) {
        case 16 -> (a, b, d) -> Numerics.toF16(Math.fma(a, b, d));
        case 32 -> (a, b, d) -> (double) Math.fma((float) a, (float) b, (float) d);
        default -> Math::fma;
      });
    });
    m.put("vector.reduction", VectorOps::reduction);
    m.put("vector.extract", VectorOps::extract);
    m.put("vector.insert", VectorOps::insert);
    m.put("vector.shape_cast", (op, c) -> {
      int s = c.operand(op, 0);
      int r = c.result(op, 0);
      return f -> f.refs[r] = f.refs[s];
    });
  }

  private static VectorType vectorType(Operation op, Type t) {
    if (t instanceof VectorType v) {
      return v;
    }
    throw new InterpreterException(op, "expects a vector type, got " + t);
  }

  private static Step load(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(0));
    VectorType vt = vectorType(op, op.result().type());
    Access.checkVectorFits(op, mt, vt);
    int mem = c.operand(op, 0);
    int[] idx = AffineOps.intSlots(op, c, 1, op.operands().size());
    Access.checkRank(op, mt, idx.length);
    int[] shape = Access.shape(vt);
    boolean isFloat = Access.isFloat(vt);
    int r = c.result(op, 0);
    return f -> f.refs[r] = Access.loadVector(op, (Buffer) f.refs[mem], Access.read(f, idx),
        shape, isFloat);
  }

  private static Step store(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(1));
    VectorType vt = vectorType(op, op.operand(0).type());
    Access.checkVectorFits(op, mt, vt);
    int v = c.operand(op, 0);
    int mem = c.operand(op, 1);
    int[] idx = AffineOps.intSlots(op, c, 2, op.operands().size());
    Access.checkRank(op, mt, idx.length);
    int[] shape = Access.shape(vt);
    return f -> Access.storeVector(op, (Buffer) f.refs[mem], Access.read(f, idx), shape,
        f.refs[v]);
  }

  /** For each vector dim, the memref dim it walks, or -1 for a broadcast dim. */
  private static int[] permutation(Operation op, MemRefType mt, VectorType vt) {
    AffineMap map;
    if (op.attr("permutation_map") instanceof Attribute.AffineMapAttr a) {
      map = a.map();
    } else {
      map = null;
    }
    int[] dims = new int[vt.rank()];
    if (map == null) {
      if (vt.rank() > mt.rank()) {
        throw new InterpreterException(op, "vector rank exceeds memref rank");
      }
      for (int j = 0; j < dims.length; j++) {
        dims[j] = mt.rank() - vt.rank() + j;
      }
      return dims;
    }
    if (map.numDims() != mt.rank() || map.numResults() != vt.rank()) {
      throw new InterpreterException(op, "permutation_map " + map + " does not fit " + mt
          + " and " + vt);
    }
    for (int j = 0; j < dims.length; j++) {
      AffineExpr e = map.result(j);
      if (e instanceof AffineExpr.Dim d) {
        dims[j] = d.position();
      } else if (e instanceof AffineExpr.Constant k && k.value() == 0) {
        dims[j] = -1;
      } else {
        throw new InterpreterException(op, "permutation_map results must be dims or 0");
      }
    }
    return dims;
  }

  private static boolean[] inBounds(Operation op, int rank) {
    boolean[] b = new boolean[rank];
    if (op.attr("in_bounds") instanceof Attribute.ArrayAttr arr) {
      if (arr.elements().size() != rank) {
        throw new InterpreterException(op, "in_bounds needs " + rank + " entries");
      }
      for (int j = 0; j < rank; j++) {
        if (arr.elements().get(j) instanceof Attribute.IntegerAttr i) {
          b[j] = i.value() != 0;
        } else {
          throw new InterpreterException(op, "in_bounds entries must be booleans");
        }
      }
    }
    return b;
  }

  /** [nBase, nIndices, nPadding-or-base, nMask] style segments for transfers. */
  private static int[] segments(Operation op, int expectedLength, int indexSegment, int rank) {
    if (op.attr("operandSegmentSizes") instanceof Attribute.DenseArrayAttr seg) {
      if (seg.size() != expectedLength) {
        throw new InterpreterException(op, "operandSegmentSizes must have " + expectedLength
            + " entries");
      }
      int[] s = new int[seg.size()];
      int total = 0;
      for (int i = 0; i < s.length; i++) {
        s[i] = (int) seg.get(i);
        total += s[i];
      }
      if (total != op.operands().size()) {
        throw new InterpreterException(op, "operandSegmentSizes do not add up to "
            + op.operands().size());
      }
      return s;
    }
    int[] s = new int[expectedLength];
    java.util.Arrays.fill(s, 1);
    s[indexSegment] = rank;
    s[expectedLength - 1] = op.operands().size() - (expectedLength - 2) - rank;
    return s;
  }

  /** The position in memref space of each vector element, or null past a non-in_bounds edge. */
  private static long[] elementPosition(Operation op, Buffer b, long[] base, int[] counter,
      int[] perm, boolean[] inBounds) {
    long[] pos = base.clone();
    for (int j = 0; j < perm.length; j++) {
      if (perm[j] < 0) {
        continue;
      }
      long p = pos[perm[j]] + counter[j];
      pos[perm[j]] = p;
      if ((p < 0 || p >= b.dim(perm[j])) && !inBounds[j]) {
        return null;
      }
    }
    return pos;
  }

  private static Step transferRead(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(0));
    VectorType vt = vectorType(op, op.result().type());
    if (!vt.elementType().equals(mt.elementType())) {
      throw new InterpreterException(op, "vector element type differs from the memref's");
    }
    int[] seg = segments(op, 4, 1, mt.rank());
    Access.checkRank(op, mt, seg[1]);
    int mem = c.operand(op, 0);
    int[] idx = AffineOps.intSlots(op, c, 1, 1 + seg[1]);
    Slot padding = c.slot(op.operand(1 + seg[1]), op);
    int mask = seg[3] > 0 ? c.operand(op, 2 + seg[1]) : -1;
    int[] perm = permutation(op, mt, vt);
    boolean[] inBounds = inBounds(op, vt.rank());
    int[] shape = Access.shape(vt);
    int n = (int) vt.numElements();
    boolean isFloat = vt.elementType().isFloat();
    int r = c.result(op, 0);
    return f -> {
      Buffer b = (Buffer) f.refs[mem];
      long[] base = Access.read(f, idx);
      long[] m = mask >= 0 ? (long[]) f.refs[mask] : null;
      double[] fl = isFloat ? new double[n] : null;
      long[] il = isFloat ? null : new long[n];
      int[] counter = new int[shape.length];
      for (int e = 0; e < n; e++) {
        long[] pos = m != null && m[e] == 0 ? null
            : elementPosition(op, b, base, counter, perm, inBounds);
        if (isFloat) {
          fl[e] = pos == null ? f.floats[padding.index()]
              : b.getDouble(Access.checkedLinear(op, b, pos));
        } else {
          il[e] = pos == null ? f.ints[padding.index()]
              : b.getLong(Access.checkedLinear(op, b, pos));
        }
        Access.increment(counter, shape);
      }
      f.refs[r] = isFloat ? fl : il;
    };
  }

  private static Step transferWrite(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(1));
    VectorType vt = vectorType(op, op.operand(0).type());
    if (!vt.elementType().equals(mt.elementType())) {
      throw new InterpreterException(op, "vector element type differs from the memref's");
    }
    int[] seg = segments(op, 4, 2, mt.rank());
    Access.checkRank(op, mt, seg[2]);
    int v = c.operand(op, 0);
    int mem = c.operand(op, 1);
    int[] idx = AffineOps.intSlots(op, c, 2, 2 + seg[2]);
    int mask = seg[3] > 0 ? c.operand(op, 2 + seg[2]) : -1;
    int[] perm = permutation(op, mt, vt);
    for (int p : perm) {
      if (p < 0) {
        throw new InterpreterException(op, "a transfer_write cannot broadcast");
      }
    }
    boolean[] inBounds = inBounds(op, vt.rank());
    int[] shape = Access.shape(vt);
    int n = (int) vt.numElements();
    return f -> {
      Buffer b = (Buffer) f.refs[mem];
      long[] base = Access.read(f, idx);
      long[] m = mask >= 0 ? (long[]) f.refs[mask] : null;
      Object value = f.refs[v];
      int[] counter = new int[shape.length];
      for (int e = 0; e < n; e++) {
        long[] pos = m != null && m[e] == 0 ? null
            : elementPosition(op, b, base, counter, perm, inBounds);
        if (pos != null) {
          long lin = Access.checkedLinear(op, b, pos);
          if (value instanceof double[] d) {
            b.setDouble(lin, d[e]);
          } else {
            b.setLong(lin, ((long[]) value)[e]);
          }
        }
        Access.increment(counter, shape);
      }
    };
  }

  private static Step broadcast(Operation op, FunctionCompiler c) {
    VectorType vt = vectorType(op, op.result().type());
    int n = (int) vt.numElements();
    int r = c.result(op, 0);
    Slot s = c.slot(op.operand(0), op);
    Type st = op.operand(0).type();
    if (!(st instanceof VectorType sv)) {
      return switch (s.kind()) {
        case FLOAT -> f -> {
          double[] z = new double[n];
          java.util.Arrays.fill(z, f.floats[s.index()]);
          f.refs[r] = z;
        };
        case INT -> f -> {
          long[] z = new long[n];
          java.util.Arrays.fill(z, f.ints[s.index()]);
          f.refs[r] = z;
        };
        case REF -> throw new InterpreterException(op, "cannot broadcast a " + st);
      };
    }
    int[] out = Access.shape(vt);
    int[] in = Access.shape(sv);
    if (in.length > out.length) {
      throw new InterpreterException(op, "source rank exceeds result rank");
    }
    int lead = out.length - in.length;
    for (int k = 0; k < in.length; k++) {
      if (in[k] != 1 && in[k] != out[lead + k]) {
        throw new InterpreterException(op, sv + " does not broadcast to " + vt);
      }
    }
    int[] srcIndex = new int[n];
    int[] counter = new int[out.length];
    for (int e = 0; e < n; e++) {
      int lin = 0;
      for (int k = 0; k < in.length; k++) {
        lin = lin * in[k] + (in[k] == 1 ? 0 : counter[lead + k]);
      }
      srcIndex[e] = lin;
      Access.increment(counter, out);
    }
    boolean isFloat = vt.elementType().isFloat();
    int src = s.index();
    return f -> {
      if (isFloat) {
        double[] x = (double[]) f.refs[src];
        double[] z = new double[n];
        for (int e = 0; e < n; e++) {
          z[e] = x[srcIndex[e]];
        }
        f.refs[r] = z;
      } else {
        long[] x = (long[]) f.refs[src];
        long[] z = new long[n];
        for (int e = 0; e < n; e++) {
          z[e] = x[srcIndex[e]];
        }
        f.refs[r] = z;
      }
    };
  }

  private static String kind(Operation op) {
    Attribute a = op.attr("kind");
    String k = a instanceof Attribute.StringAttr s ? s.value() : null;
    if (k == null) {
      throw new InterpreterException(op, "needs a 'kind' attribute");
    }
    if (k.startsWith("#vector.kind<") && k.endsWith(">")) {
      k = k.substring("#vector.kind<".length(), k.length() - 1);
    }
    return k;
  }

  private static Step reduction(Operation op, FunctionCompiler c) {
    VectorType vt = vectorType(op, op.operand(0).type());
    String kind = kind(op);
    int src = c.operand(op, 0);
    boolean hasAcc = op.operands().size() > 1;
    int acc = hasAcc ? c.operand(op, 1) : -1;
    int r = c.result(op, 0);
    if (vt.elementType().isFloat()) {
      int w = Elementwise.floatWidth(op, vt);
      java.util.function.DoubleBinaryOperator k = Elementwise.rounded(w, switch (kind) {
        case "add" -> (a, b) -> a + b;
        case "mul" -> (a, b) -> a * b;
        case "minimumf" -> Math::min;
        case "maximumf" -> Math::max;
        case "minnumf" -> (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
        case "maxnumf" -> (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
        default -> throw new InterpreterException(op, "unsupported float reduction kind "
            + kind);
      });
      return f -> {
        double[] x = (double[]) f.refs[src];
        int start = hasAcc ? 0 : 1;
        double v = hasAcc ? f.floats[acc] : x[0];
        for (int e = start; e < x.length; e++) {
          v = k.applyAsDouble(v, x[e]);
        }
        f.floats[r] = v;
      };
    }
    int w = Elementwise.intWidth(op, vt);
    java.util.function.LongBinaryOperator k = switch (kind) {
      case "add" -> (a, b) -> Numerics.wrap(w, a + b);
      case "mul" -> (a, b) -> Numerics.wrap(w, a * b);
      case "and" -> (a, b) -> a & b;
      case "or" -> (a, b) -> a | b;
      case "xor" -> (a, b) -> a ^ b;
      case "minsi" -> (a, b) -> Numerics.signed(w, a) <= Numerics.signed(w, b) ? a : b;
      case "maxsi" -> (a, b) -> Numerics.signed(w, a) >= Numerics.signed(w, b) ? a : b;
      case "minui" -> (a, b) ->
          Long.compareUnsigned(Numerics.unsigned(w, a), Numerics.unsigned(w, b)) <= 0 ? a : b;
      case "maxui" -> (a, b) ->
          Long.compareUnsigned(Numerics.unsigned(w, a), Numerics.unsigned(w, b)) >= 0 ? a : b;
      default -> throw new InterpreterException(op, "unsupported integer reduction kind " + kind);
    };
    return f -> {
      long[] x = (long[]) f.refs[src];
      int start = hasAcc ? 0 : 1;
      long v = hasAcc ? f.ints[acc] : x[0];
      for (int e = start; e < x.length; e++) {
        v = k.applyAsLong(v, x[e]);
      }
      f.ints[r] = v;
    };
  }

  /** Static positions with {@link ShapedType#DYNAMIC} where a dynamic operand is used. */
  private static long[] staticPosition(Operation op) {
    if (op.attr("static_position") instanceof Attribute.DenseArrayAttr a) {
      long[] p = new long[a.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = a.get(i);
      }
      return p;
    }
    throw new InterpreterException(op, "needs a 'static_position' array attribute");
  }

  /** Compiled position: static values, and for dynamic entries the int slot to read. */
  private record Position(long[] fixed, int[] dynamicSlot) {
    long offset(Operation op, Frame f, int[] shape) {
      long off = 0;
      for (int k = 0; k < fixed.length; k++) {
        long p = dynamicSlot[k] >= 0 ? f.ints[dynamicSlot[k]] : fixed[k];
        if (p < 0 || p >= shape[k]) {
          throw new InterpreterException(op, "position " + p + " is out of bounds [0, "
              + shape[k] + ") in dimension " + k);
        }
        off = off * shape[k] + p;
      }
      return off;
    }
  }

  private static Position position(Operation op, FunctionCompiler c, int firstDynamic,
      int rank) {
    long[] fixed = staticPosition(op);
    if (fixed.length > rank) {
      throw new InterpreterException(op, "has " + fixed.length + " positions for rank " + rank);
    }
    int[] dyn = new int[fixed.length];
    int next = firstDynamic;
    for (int k = 0; k < fixed.length; k++) {
      dyn[k] = -1;
      if (fixed[k] == ShapedType.DYNAMIC) {
        dyn[k] = AffineOps.intSlots(op, c, next, next + 1)[0];
        next++;
      }
    }
    if (next != op.operands().size()) {
      throw new InterpreterException(op, "dynamic positions do not match its operands");
    }
    return new Position(fixed, dyn);
  }

  /** Elements in the sub-vector selected by a position of length {@code k}. */
  private static int tail(int[] shape, int k) {
    int n = 1;
    for (int i = k; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  private static Step extract(Operation op, FunctionCompiler c) {
    VectorType vt = vectorType(op, op.operand(0).type());
    int[] shape = Access.shape(vt);
    Position pos = position(op, c, 1, shape.length);
    int len = tail(shape, pos.fixed().length);
    int src = c.operand(op, 0);
    Slot r = c.slot(op.result(), op);
    boolean isFloat = vt.elementType().isFloat();
    return f -> {
      int off = (int) (pos.offset(op, f, shape) * len);
      switch (r.kind()) {
        case FLOAT -> f.floats[r.index()] = ((double[]) f.refs[src])[off];
        case INT -> f.ints[r.index()] = ((long[]) f.refs[src])[off];
        case REF -> f.refs[r.index()] = isFloat
            ? java.util.Arrays.copyOfRange((double[]) f.refs[src], off, off + len)
            : java.util.Arrays.copyOfRange((long[]) f.refs[src], off, off + len);
      }
    };
  }

  private static Step insert(Operation op, FunctionCompiler c) {
    VectorType vt = vectorType(op, op.operand(1).type());
    int[] shape = Access.shape(vt);
    Position pos = position(op, c, 2, shape.length);
    int len = tail(shape, pos.fixed().length);
    Slot value = c.slot(op.operand(0), op);
    int dest = c.operand(op, 1);
    int r = c.result(op, 0);
    boolean isFloat = vt.elementType().isFloat();
    return f -> {
      int off = (int) (pos.offset(op, f, shape) * len);
      if (isFloat) {
        double[] z = ((double[]) f.refs[dest]).clone();
        if (value.kind() == Slot.Kind.FLOAT) {
          z[off] = f.floats[value.index()];
        } else {
          System.arraycopy((double[]) f.refs[value.index()], 0, z, off, len);
        }
        f.refs[r] = z;
      } else {
        long[] z = ((long[]) f.refs[dest]).clone();
        if (value.kind() == Slot.Kind.INT) {
          z[off] = f.ints[value.index()];
        } else {
          System.arraycopy((long[]) f.refs[value.index()], 0, z, off, len);
        }
        f.refs[r] = z;
      }
    };
  }
}
