// Interpreter semantics of the affine dialect: loops, conditionals, accesses and index maps.
package dev.colt.exec.interp;

import dev.colt.exec.data.Buffer;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
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
 * affine.vector_load/vector_store, affine.apply/min/max. Ops are read in MLIR's generic layout
 * (bound maps, {@code operandSegmentSizes}, {@code step}, {@code map}, {@code condition}). Loops
 * marked {@code colt.parallel} run sequentially.
 */
final class AffineOps {
  private AffineOps() {}

  static void register(Map<String, OpCompiler> m) {
    m.put("affine.for", AffineOps::forOp);
    m.put("affine.if", AffineOps::ifOp);
    m.put("affine.load", AffineOps::load);
    m.put("affine.store", AffineOps::store);
    m.put("affine.vector_load", AffineOps::vectorLoad);
    m.put("affine.vector_store", AffineOps::vectorStore);
    m.put("affine.apply", (op, c) -> {
      LongExpr[] e = mapExprs(op, c, "map", 0, op.operands().size());
      if (e.length != 1) {
        throw new InterpreterException(op, "map must have exactly one result");
      }
      LongExpr x = e[0];
      int r = c.result(op, 0);
      return f -> f.ints[r] = x.eval(f);
    });
    m.put("affine.min", (op, c) -> minMax(op, c, true));
    m.put("affine.max", (op, c) -> minMax(op, c, false));
  }

  static AffineMap map(Operation op, String name) {
    if (op.attr(name) instanceof Attribute.AffineMapAttr a) {
      return a.map();
    }
    throw new InterpreterException(op, "needs an affine map attribute '" + name + "'");
  }

  /** Int slots of operands {@code from} (inclusive) to {@code to} (exclusive). */
  static int[] intSlots(Operation op, FunctionCompiler c, int from, int to) {
    int[] s = new int[to - from];
    for (int i = from; i < to; i++) {
      Slot slot = c.slot(op.operand(i), op);
      if (slot.kind() != Slot.Kind.INT) {
        throw new InterpreterException(op, "operand " + i + " must be an index value");
      }
      s[i - from] = slot.index();
    }
    return s;
  }

  private static LongExpr[] mapExprs(Operation op, FunctionCompiler c, String attr, int from,
      int to) {
    return AffineExprCompiler.compile(map(op, attr), intSlots(op, c, from, to), op);
  }

  private static Step minMax(Operation op, FunctionCompiler c, boolean min) {
    LongExpr[] e = mapExprs(op, c, "map", 0, op.operands().size());
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

  /** Segment sizes [lb operands, ub operands, inits], from the attribute or the map arities. */
  private static int[] forSegments(Operation op, AffineMap lb, AffineMap ub) {
    if (op.attr("operandSegmentSizes") instanceof Attribute.DenseArrayAttr seg) {
      if (seg.size() != 3) {
        throw new InterpreterException(op, "operandSegmentSizes must have 3 entries");
      }
      int[] s = {(int) seg.get(0), (int) seg.get(1), (int) seg.get(2)};
      if (s[0] + s[1] + s[2] != op.operands().size()) {
        throw new InterpreterException(op, "operandSegmentSizes do not add up to the "
            + op.operands().size() + " operands");
      }
      return s;
    }
    int n = op.operands().size() - lb.numInputs() - ub.numInputs();
    if (n < 0) {
      throw new InterpreterException(op, "has too few operands for its bound maps");
    }
    return new int[] {lb.numInputs(), ub.numInputs(), n};
  }

  private static Step forOp(Operation op, FunctionCompiler c) {
    AffineMap lbMap = map(op, "lowerBoundMap");
    AffineMap ubMap = map(op, "upperBoundMap");
    if (lbMap.numResults() == 0 || ubMap.numResults() == 0) {
      throw new InterpreterException(op, "bound maps must have at least one result");
    }
    int[] seg = forSegments(op, lbMap, ubMap);
    LongExpr[] lbs = AffineExprCompiler.compile(lbMap, intSlots(op, c, 0, seg[0]), op);
    LongExpr[] ubs = AffineExprCompiler.compile(ubMap, intSlots(op, c, seg[0], seg[0] + seg[1]),
        op);
    long step = 1;
    if (op.attr("step") instanceof Attribute.IntegerAttr s) {
      step = s.value();
    }
    if (step <= 0) {
      throw new InterpreterException(op, "step must be positive, got " + step);
    }
    List<Slot> inits = c.slots(op.operands().subList(seg[0] + seg[1], op.operands().size()), op);
    if (op.regions().size() != 1 || op.region(0).blocks().size() != 1) {
      throw new InterpreterException(op, "needs one region with one block");
    }
    Block body = op.body();
    if (body.arguments().size() != 1 + inits.size()) {
      throw new InterpreterException(op, "body has " + body.arguments().size()
          + " arguments; expected the induction variable and " + inits.size() + " iter_args");
    }
    int iv = c.define(body.arguments().get(0), op).index();
    List<Slot> iterArgs = new ArrayList<>();
    for (Value a : body.arguments().subList(1, body.arguments().size())) {
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
    if (y == null || !y.is("affine.yield")) {
      throw new InterpreterException(op, "body must end in affine.yield");
    }
    if (y.operands().size() != count) {
      throw new InterpreterException(y, "yields " + y.operands().size() + " values, expected "
          + count);
    }
    return y;
  }

  private static Step ifOp(Operation op, FunctionCompiler c) {
    if (!(op.attr("condition") instanceof Attribute.IntegerSetAttr cond)) {
      throw new InterpreterException(op, "needs an integer set attribute 'condition'");
    }
    IntegerSet set = cond.set();
    int[] operands = intSlots(op, c, 0, op.operands().size());
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
    MemRefType mt = Access.memref(op, op.operand(0));
    int mem = c.operand(op, 0);
    LongExpr[] idx = mapExprs(op, c, "map", 1, op.operands().size());
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
    MemRefType mt = Access.memref(op, op.operand(1));
    int v = c.operand(op, 0);
    int mem = c.operand(op, 1);
    LongExpr[] idx = mapExprs(op, c, "map", 2, op.operands().size());
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
    MemRefType mt = Access.memref(op, op.operand(0));
    if (!(op.result().type() instanceof VectorType vt)) {
      throw new InterpreterException(op, "result must be a vector");
    }
    Access.checkVectorFits(op, mt, vt);
    int mem = c.operand(op, 0);
    LongExpr[] idx = mapExprs(op, c, "map", 1, op.operands().size());
    Access.checkRank(op, mt, idx.length);
    int[] shape = Access.shape(vt);
    boolean isFloat = Access.isFloat(vt);
    int r = c.result(op, 0);
    return f -> f.refs[r] = Access.loadVector(op, (Buffer) f.refs[mem], Access.eval(f, idx),
        shape, isFloat);
  }

  private static Step vectorStore(Operation op, FunctionCompiler c) {
    MemRefType mt = Access.memref(op, op.operand(1));
    if (!(op.operand(0).type() instanceof VectorType vt)) {
      throw new InterpreterException(op, "stored value must be a vector");
    }
    Access.checkVectorFits(op, mt, vt);
    int v = c.operand(op, 0);
    int mem = c.operand(op, 1);
    LongExpr[] idx = mapExprs(op, c, "map", 2, op.operands().size());
    Access.checkRank(op, mt, idx.length);
    int[] shape = Access.shape(vt);
    return f -> Access.storeVector(op, (Buffer) f.refs[mem], Access.eval(f, idx), shape,
        f.refs[v]);
  }
}
