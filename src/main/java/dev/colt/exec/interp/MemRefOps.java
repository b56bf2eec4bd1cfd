// Interpreter semantics of the memref dialect: allocation, shape queries, casts, loads, stores, copies, globals.
package dev.colt.exec.interp;

import dev.colt.exec.data.Buffer;
import dev.colt.ir.Attribute;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import java.util.Arrays;
import java.util.Map;

/**
 * memref ops on {@link Buffer}s. Allocations are zero-filled (MLIR leaves them undefined);
 * dealloc does nothing (buffers are garbage collected); memref.cast checks at run time that the
 * buffer fits the static dimensions of the result type.
 */
final class MemRefOps {
  private MemRefOps() {}

  static void register(Map<String, OpCompiler> m) {
    m.put("memref.alloc", MemRefOps::alloc);
    m.put("memref.alloca", MemRefOps::alloc);
    m.put("memref.dealloc", (op, c) -> {
      c.operand(op, 0);
      return f -> { };
    });
    m.put("memref.dim", MemRefOps::dim);
    m.put("memref.cast", MemRefOps::cast);
    m.put("memref.load", MemRefOps::load);
    m.put("memref.store", MemRefOps::store);
    m.put("memref.copy", MemRefOps::copy);
    m.put("memref.get_global", MemRefOps::getGlobal);
  }

  private static Step alloc(Operation op, FunctionCompiler c) {
    if (!(op.result().type() instanceof MemRefType mt)) {
      throw new InterpreterException(op, "result must be a memref");
    }
    Access.memref(op, op.result());
    long nDynamic = mt.shape().stream().filter(d -> d == ShapedType.DYNAMIC).count();
    if (op.attr("operandSegmentSizes") instanceof Attribute.DenseArrayAttr seg && seg.size() > 0
        && seg.get(0) != nDynamic) {
      throw new InterpreterException(op, "has " + seg.get(0) + " dynamic sizes for " + mt);
    }
    if (op.operands().size() < nDynamic) {
      throw new InterpreterException(op, "needs " + nDynamic + " dynamic size operands");
    }
    int[] sizes = AffineOps.intSlots(op, c, 0, (int) nDynamic);
    int r = c.result(op, 0);
    return f -> {
      long[] dyn = Access.read(f, sizes);
      for (long d : dyn) {
        if (d < 0) {
          throw new InterpreterException(op, "negative dynamic size " + d);
        }
      }
      f.refs[r] = Buffer.allocate(mt, dyn);
    };
  }

  private static Step dim(Operation op, FunctionCompiler c) {
    int src = c.operand(op, 0);
    int index = c.operand(op, 1);
    int r = c.result(op, 0);
    return f -> {
      Buffer b = (Buffer) f.refs[src];
      long i = f.ints[index];
      if (i < 0 || i >= b.rank()) {
        throw new InterpreterException(op, "dimension " + i + " is out of range for rank "
            + b.rank());
      }
      f.ints[r] = b.dim((int) i);
    };
  }

  private static Step cast(Operation op, FunctionCompiler c) {
    int src = c.operand(op, 0);
    MemRefType to = Access.memref(op, op.result());
    int r = c.result(op, 0);
    return f -> {
      Buffer b = (Buffer) f.refs[src];
      if (!b.fits(to)) {
        throw new InterpreterException(op, "cannot cast a buffer of shape "
            + Arrays.toString(b.shape()) + " to " + to);
      }
      f.refs[r] = b;
    };
  }

  private static Step load(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(0));
    int mem = c.operand(op, 0);
    int[] slots = AffineOps.intSlots(op, c, 1, op.operands().size());
    Access.checkRank(op, mt, slots.length);
    Access.LinearIndex idx = Access.indexer(op, slots);
    int r = c.result(op, 0);
    if (mt.elementType().isFloat()) {
      return f -> {
        Buffer b = (Buffer) f.refs[mem];
        f.floats[r] = b.getDouble(idx.at(f, b));
      };
    }
    return f -> {
      Buffer b = (Buffer) f.refs[mem];
      f.ints[r] = b.getLong(idx.at(f, b));
    };
  }

  private static Step store(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(1));
    int v = c.operand(op, 0);
    int mem = c.operand(op, 1);
    int[] slots = AffineOps.intSlots(op, c, 2, op.operands().size());
    Access.checkRank(op, mt, slots.length);
    Access.LinearIndex idx = Access.indexer(op, slots);
    if (mt.elementType().isFloat()) {
      return f -> {
        Buffer b = (Buffer) f.refs[mem];
        b.setDouble(idx.at(f, b), f.floats[v]);
      };
    }
    return f -> {
      Buffer b = (Buffer) f.refs[mem];
      b.setLong(idx.at(f, b), f.ints[v]);
    };
  }

  private static Step copy(Operation op, FunctionCompiler c) {
    int src = c.operand(op, 0);
    int dst = c.operand(op, 1);
    return f -> {
      Buffer s = (Buffer) f.refs[src];
      Buffer d = (Buffer) f.refs[dst];
      if (s.kind() != d.kind() || !Arrays.equals(s.shape(), d.shape())) {
        throw new InterpreterException(op, "copies " + s.type() + " into " + d.type());
      }
      d.copyFrom(s);
    };
  }

  private static Step getGlobal(Operation op, FunctionCompiler c) {
    if (!(op.attr("name") instanceof Attribute.SymbolRefAttr name)) {
      throw new InterpreterException(op, "needs a symbol attribute 'name'");
    }
    Buffer global = c.interpreter.global(name.name(), op);
    if (!global.fits(Access.memref(op, op.result()))) {
      throw new InterpreterException(op, "global @" + name.name() + " has type " + global.type()
          + ", not " + op.result().type());
    }
    int r = c.result(op, 0);
    return f -> f.refs[r] = global;
  }
}
