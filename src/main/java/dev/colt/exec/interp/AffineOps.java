// Interpreter semantics of the affine dialect: loops, conditionals, accesses and index maps.
package dev.colt.exec.interp;

import dev.colt.dialect.affine.AffineApplyOp;
import dev.colt.dialect.affine.AffineForOp;
import dev.colt.dialect.affine.AffineIfOp;
import dev.colt.dialect.affine.AffineLoadOp;
import dev.colt.dialect.affine.AffineMaxOp;
import dev.colt.dialect.affine.AffineMinOp;
import dev.colt.dialect.affine.AffineStoreOp;
import dev.colt.dialect.affine.AffineVectorLoadOp;
import dev.colt.dialect.affine.AffineVectorStoreOp;
import dev.colt.dialect.affine.AffineYieldOp;
import dev.colt.exec.data.Buffer;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Block;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * affine.for (max/min bound lists, symbols, step, iter_args), affine.if, affine.load/store,
 * affine.vector_load/vector_store, affine.apply/min/max, read through the affine dialect's typed
 * accessors. Loops marked {@code colt.parallel} run sequentially.
 */
final class AffineOps {
  private AffineOps() {}

  static void register(Map<String, OpCompiler> m) {
    m.put(AffineForOp.NAME, AffineOps::forOp);
    m.put(AffineIfOp.NAME, AffineOps::ifOp);
    m.put(AffineLoadOp.NAME, AffineOps::load);
    m.put(AffineStoreOp.NAME, AffineOps::store);
    m.put(AffineVectorLoadOp.NAME, AffineOps::vectorLoad);
    m.put(AffineVectorStoreOp.NAME, AffineOps::vectorStore);
    m.put(AffineApplyOp.NAME, (op, c) -> {
      LongExpr[] e = mapExprs(op, c, AffineApplyOp.map(op), op.operands());
      if (e.length != 1) {
        throw new InterpreterException(op, "map must have exactly one result");
      }
      LongExpr x = e[0];
      int r = c.result(op, 0);
      return f -> f.ints[r] = x.eval(f);
    });
    m.put(AffineMinOp.NAME, (op, c) -> minMax(op, c, AffineMinOp.map(op), true));
    m.put(AffineMaxOp.NAME, (op, c) -> minMax(op, c, AffineMaxOp.map(op), false));
  }

  /** Int slots of {@code values}, which must be index or integer values. */
  static int[] intSlots(Operation op, FunctionCompiler c, List<Value> values) {
    int[] s = new int[values.size()];
    for (int i = 0; i < s.length; i++) {
      Slot slot = c.slot(values.get(i), op);
      if (slot.kind() != Slot.Kind.INT) {
        throw new InterpreterException(op, "map and subscript operands must be index values");
      }
      s[i] = slot.index();
    }
    return s;
  }

  /** Int slots of operands {@code from} (inclusive) to {@code to} (exclusive). */
  static int[] intSlots(Operation op, FunctionCompiler c, int from, int to) {
    return intSlots(op, c, op.operands().subList(from, to));
  }

  private static LongExpr[] mapExprs(Operation op, FunctionCompiler c, AffineMap map,
      List<Value> operands) {
    return AffineExprCompiler.compile(map, intSlots(op, c, operands), op);
  }

  private static Step minMax(Operation op, FunctionCompiler c, AffineMap map, boolean min) {
    LongExpr[] e = mapExprs(op, c, map, op.operands());
    if (e.length == 0) {
      throw new InterpreterException(op, "map must have at least one result");
    }
    int r = c.result(op, 0);
    return f -> f.ints[r] = min ? minOf(e, f) : maxOf(e, f);
  }

  static long maxOf(LongExpr[] e, Frame f) {
    long v = e[0].eval(f);
    for (int i = 1; i < e.length; i++) {
      v = Math.max(v, e[i].eval(f));
    }
    return v;
  }

  static long minOf(LongExpr[] e, Frame f) {
    long v = e[0].eval(f);
    for (int i = 1; i < e.length; i++) {
      v = Math.min(v, e[i].eval(f));
    }
    return v;
  }

  private static Step forOp(Operation op, FunctionCompiler c) {
    AffineMap lbMap = AffineForOp.lowerMap(op);
    AffineMap ubMap = AffineForOp.upperMap(op);
    if (lbMap.numResults() == 0 || ubMap.numResults() == 0) {
      throw new InterpreterException(op, "bound maps must have at least one result");
    }
    LongExpr[] lbs = mapExprs(op, c, lbMap, AffineForOp.lowerOperands(op));
    LongExpr[] ubs = mapExprs(op, c, ubMap, AffineForOp.upperOperands(op));
    long step = AffineForOp.step(op);
    if (step <= 0) {
      throw new InterpreterException(op, "step must be positive, got " + step);
    }
    List<Slot> inits = c.slots(AffineForOp.inits(op), op);
    if (op.regions().size() != 1 || op.region(0).blocks().size() != 1) {
      throw new InterpreterException(op, "needs one region with one block");
    }
    Block body = AffineForOp.body(op);
    if (body.arguments().size() != 1 + inits.size()) {
      throw new InterpreterException(op, "body has " + body.arguments().size()
          + " arguments; expected the induction variable and " + inits.size() + " iter_args");
    }
    int iv = c.define(AffineForOp.inductionVar(op), op).index();
    List<Slot> iterArgs = new ArrayList<>();
    for (Value a : AffineForOp.iterArgs(op)) {
      iterArgs.add(c.define(a, op));
    }
    Operation yield = yieldOf(op, body, inits.size());
    Step[] steps = c.compileBlock(body, op);
    List<Slot> yielded = c.slots(yield.operands(), yield);
    List<Slot> results = c.slots(op.results(), op);
    if (results.size() != inits.size()) {
      throw new InterpreterException(op, "has " + results.size() + " results for "
          + inits.size() + " iter_args");
    }
    long st = step;
    if (inits.isEmpty()) {
      if (lbs.length == 1 && ubs.length == 1) {
        LongExpr lo = lbs[0];
        LongExpr hi = ubs[0];
        return f -> {
          long end = hi.eval(f);
          for (long i = lo.eval(f); i < end; i += st) {
            f.ints[iv] = i;
            Step.runAll(steps, f);
          }
        };
      }
      return f -> {
        long end = minOf(ubs, f);
        for (long i = maxOf(lbs, f); i < end; i += st) {
          f.ints[iv] = i;
          Step.runAll(steps, f);
        }
      };
    }
    Step init = c.parallelCopy(inits, iterArgs);
    Step carry = c.parallelCopy(yielded, iterArgs);
    Step out = c.parallelCopy(iterArgs, results);
    return f -> {
      long end = minOf(ubs, f);
      init.run(f);
      for (long i = maxOf(lbs, f); i < end; i += st) {
        f.ints[iv] = i;
        Step.runAll(steps, f);
        carry.run(f);
      }
      out.run(f);
    };
  }

  /** The affine.yield ending {@code body}; fails unless it yields {@code count} values. */
  private static Operation yieldOf(Operation op, Block body, int count) {
    Operation y = body.terminator();
    if (y == null || !y.is(AffineYieldOp.NAME)) {
      throw new InterpreterException(op, "body must end in affine.yield");
    }
    if (y.operands().size() != count) {
      throw new InterpreterException(y, "yields " + y.operands().size() + " values, expected "
          + count);
    }
    return y;
  }

  private static Step ifOp(Operation op, FunctionCompiler c) {
    IntegerSet set = AffineIfOp.condition(op);
    int[] operands = intSlots(op, c, AffineIfOp.operands(op));
    if (operands.length != set.numInputs()) {
      throw new InterpreterException(op, "condition takes " + set.numInputs()
          + " operands but has " + operands.length);
    }
    LongExpr[] constraints = new LongExpr[set.constraints().size()];
    boolean[] eq = new boolean[constraints.length];
    for (int i = 0; i < constraints.length; i++) {
      constraints[i] = AffineExprCompiler.compile(set.constraints().get(i), operands,
          set.numDims(), op);
      eq[i] = set.equalities().get(i);
    }
    if (op.regions().size() != 2) {
      throw new InterpreterException(op, "needs a then and an else region");
    }
    List<Slot> results = c.slots(op.results(), op);
    Step thenStep = branch(op, c, 0, results);
    Step elseStep = branch(op, c, 1, results);
    return f -> {
      boolean holds = true;
      for (int i = 0; i < constraints.length && holds; i++) {
        long v = constraints[i].eval(f);
        holds = eq[i] ? v == 0 : v >= 0;
      }
      (holds ? thenStep : elseStep).run(f);
    };
  }

  private static Step branch(Operation op, FunctionCompiler c, int region, List<Slot> results) {
    if (op.region(region).blocks().isEmpty()) {
      if (!results.isEmpty()) {
        throw new InterpreterException(op, "with results needs an else region");
      }
      return f -> { };
    }
    Block b = op.region(region).entry();
    Operation yield = yieldOf(op, b, results.size());
    Step[] steps = c.compileBlock(b, op);
    List<Slot> yielded = c.slots(yield.operands(), yield);
    Step copy = c.parallelCopy(yielded, results);
    return f -> {
      Step.runAll(steps, f);
      copy.run(f);
    };
  }

  private static Step load(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, AffineLoadOp.memref(op));
    int mem = c.slot(AffineLoadOp.memref(op), op).index();
    LongExpr[] idx = mapExprs(op, c, AffineLoadOp.map(op), AffineLoadOp.indices(op));
    Access.checkRank(op, mt, idx.length);
    int r = c.result(op, 0);
    if (mt.elementType().isFloat()) {
      return f -> {
        Buffer b = (Buffer) f.refs[mem];
        f.floats[r] = b.getDouble(Access.linear(op, b, f, idx));
      };
    }
    return f -> {
      Buffer b = (Buffer) f.refs[mem];
      f.ints[r] = b.getLong(Access.linear(op, b, f, idx));
    };
  }

  private static Step store(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, AffineStoreOp.memref(op));
    int v = c.slot(AffineStoreOp.value(op), op).index();
    int mem = c.slot(AffineStoreOp.memref(op), op).index();
    LongExpr[] idx = mapExprs(op, c, AffineStoreOp.map(op), AffineStoreOp.indices(op));
    Access.checkRank(op, mt, idx.length);
    if (mt.elementType().isFloat()) {
      return f -> {
        Buffer b = (Buffer) f.refs[mem];
        b.setDouble(Access.linear(op, b, f, idx), f.floats[v]);
      };
    }
    return f -> {
      Buffer b = (Buffer) f.refs[mem];
      b.setLong(Access.linear(op, b, f, idx), f.ints[v]);
    };
  }

  private static Step vectorLoad(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, AffineVectorLoadOp.memref(op));
    if (!(op.result().type() instanceof VectorType vt)) {
      throw new InterpreterException(op, "result must be a vector");
    }
    Access.checkVectorFits(op, mt, vt);
    int mem = c.slot(AffineVectorLoadOp.memref(op), op).index();
    LongExpr[] idx = mapExprs(op, c, AffineVectorLoadOp.map(op), AffineVectorLoadOp.indices(op));
    Access.checkRank(op, mt, idx.length);
    int[] shape = Access.shape(vt);
    boolean isFloat = Access.isFloat(vt);
    int r = c.result(op, 0);
    return f -> f.refs[r] = Access.loadVector(op, (Buffer) f.refs[mem], Access.eval(f, idx),
        shape, isFloat);
  }

  private static Step vectorStore(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, AffineVectorStoreOp.memref(op));
    if (!(AffineVectorStoreOp.value(op).type() instanceof VectorType vt)) {
      throw new InterpreterException(op, "stored value must be a vector");
    }
    Access.checkVectorFits(op, mt, vt);
    int v = c.slot(AffineVectorStoreOp.value(op), op).index();
    int mem = c.slot(AffineVectorStoreOp.memref(op), op).index();
    LongExpr[] idx = mapExprs(op, c, AffineVectorStoreOp.map(op),
        AffineVectorStoreOp.indices(op));
    Access.checkRank(op, mt, idx.length);
    int[] shape = Access.shape(vt);
    return f -> Access.storeVector(op, (Buffer) f.refs[mem], Access.eval(f, idx), shape,
        f.refs[v]);
  }
}
