// Interpreter tests of affine loops, conditionals, accesses, memref ops and calls on IR built directly.
package dev.colt.exec.interp;

import static dev.colt.exec.interp.TestIr.INDEX;
import static dev.colt.exec.interp.TestIr.affineFor;
import static dev.colt.exec.interp.TestIr.affineIf;
import static dev.colt.exec.interp.TestIr.affineLoad;
import static dev.colt.exec.interp.TestIr.affineStore;
import static dev.colt.exec.interp.TestIr.constF;
import static dev.colt.exec.interp.TestIr.constIndex;
import static dev.colt.exec.interp.TestIr.func;
import static dev.colt.exec.interp.TestIr.module;
import static dev.colt.exec.interp.TestIr.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.data.RuntimeValue.FloatValue;
import dev.colt.exec.data.RuntimeValue.IntValue;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlFlowTest {
  private static final FloatType F32 = FloatType.F32;
  private static final AffineMap ID1 = AffineMap.identity(1);
  private static final AffineMap ID2 = AffineMap.identity(2);

  /** Records every induction value of a loop with max/min bound lists into a buffer. */
  @Test
  void forWithMaxMinBoundListsSymbolsAndStep() {
    // for i = max(s0, d0 - 2) to min(d0 + 9, 20) step 3, with d0 = arg0, s0 = arg1
    AffineMap lb = new AffineMap(1, 1, List.of(AffineExpr.symbol(0),
        AffineExpr.dim(0).plus(-2)));
    AffineMap ub = new AffineMap(1, 0, List.of(AffineExpr.dim(0).plus(9),
        AffineExpr.constant(20)));
    MemRefType out = MemRefType.of(IntegerType.I64, 32);
    Operation fn = func("f", List.of(INDEX, INDEX, out), List.of(INDEX), b -> {
      Value d0 = b.arguments().get(0);
      Value s0 = b.arguments().get(1);
      Value buf = b.arguments().get(2);
      Value zero = constIndex(b, 0);
      Operation loop = affineFor(b, lb, List.of(d0, s0), ub, List.of(d0), 3, List.of(zero),
          (inner, args) -> {
            Value iv = args.get(0);
            Value n = args.get(1);
            Value ivI64 = op(inner, "arith.index_cast", IntegerType.I64, iv);
            inner.add(Operation.create("memref.store", List.of(ivI64, buf, n), List.of(),
                Map.of()));
            Value one = constIndex(inner, 1);
            return List.of(op(inner, "arith.addi", INDEX, n, one));
          });
      return List.of(loop.result());
    });
    Interpreter in = new Interpreter(module(fn));
    long[][] cases = {{5, 1}, {5, 4}, {14, 0}, {0, 30}, {-3, -10}};
    for (long[] c : cases) {
      Buffer buf = Buffer.allocate(IntegerType.I64, 32);
      long n = ((IntValue) in.call("f", List.of(new IntValue(INDEX, c[0]),
          new IntValue(INDEX, c[1]), buf)).get(0)).value();
      List<Long> expected = new ArrayList<>();
      for (long i = Math.max(c[1], c[0] - 2); i < Math.min(c[0] + 9, 20); i += 3) {
        expected.add(i);
      }
      List<Long> got = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        got.add(buf.getLong(k));
      }
      assertEquals(expected, got, "d0=" + c[0] + " s0=" + c[1]);
    }
  }

  @Test
  void iterArgsReduceAndSwapInParallel() {
    // sum of a[i] over i, and Fibonacci by yielding (b, a + b) from iter args (a, b)
    MemRefType t = MemRefType.of(F32, 10);
    Operation fn = func("f", List.of(t), List.of(F32, INDEX), b -> {
      Value a = b.arguments().get(0);
      Value zero = constF(b, F32, 0.0);
      Operation sum = affineFor(b, AffineMap.constant(0), List.of(), AffineMap.constant(10),
          List.of(), 1, List.of(zero), (inner, args) -> {
            Value x = affineLoad(inner, a, ID1, args.get(0));
            return List.of(op(inner, "arith.addf", F32, args.get(1), x));
          });
      Value f0 = constIndex(b, 0);
      Value f1 = constIndex(b, 1);
      Operation fib = affineFor(b, AffineMap.constant(0), List.of(), AffineMap.constant(10),
          List.of(), 1, List.of(f0, f1), (inner, args) -> List.of(args.get(2),
              op(inner, "arith.addi", INDEX, args.get(1), args.get(2))));
      return List.of(sum.result(), fib.result(0));
    });
    Buffer a = (Buffer) PatternInputs.forArgument(0, t);
    List<RuntimeValue> r = new Interpreter(module(fn)).call("f", List.of(a));
    float expected = 0;
    for (int i = 0; i < 10; i++) {
      expected += (float) a.getDouble(i);
    }
    assertEquals(new FloatValue(F32, expected), r.get(0));
    assertEquals(new IntValue(INDEX, 55), r.get(1), "fib(10)");
  }

  @Test
  void affineIfWithAndWithoutElse() {
    // y[i] = (i - 3 >= 0 and 7 - i >= 0) ? x[i] : -x[i]; plus z[i] = 1 where i == 5
    IntegerSet window = new IntegerSet(1, 0, List.of(AffineExpr.dim(0).plus(-3),
        AffineExpr.dim(0).times(-1).plus(7)), List.of(false, false));
    IntegerSet five = new IntegerSet(1, 0, List.of(AffineExpr.dim(0).plus(-5)), List.of(true));
    MemRefType t = MemRefType.of(F32, 10);
    Operation fn = func("f", List.of(t, t, t), List.of(), b -> {
      Value x = b.arguments().get(0);
      Value y = b.arguments().get(1);
      Value z = b.arguments().get(2);
      affineFor(b, 0, 10, 1, (inner, i) -> {
        Value v = affineLoad(inner, x, ID1, i);
        Operation sel = affineIf(inner, window, List.of(i), List.of(F32), th -> List.of(v),
            el -> List.of(op(el, "arith.negf", F32, v)));
        affineStore(inner, sel.result(), y, ID1, i);
        affineIf(inner, five, List.of(i), List.of(), th -> {
          affineStore(th, constF(th, F32, 1.0), z, ID1, i);
          return List.of();
        }, null);
        return null;
      });
      return List.of();
    });
    Buffer x = (Buffer) PatternInputs.forArgument(0, t);
    Buffer y = Buffer.allocate(F32, 10);
    Buffer z = Buffer.allocate(F32, 10);
    new Interpreter(module(fn)).call("f", List.of(x, y, z));
    for (int i = 0; i < 10; i++) {
      double expected = i >= 3 && i <= 7 ? x.getDouble(i) : -x.getDouble(i);
      assertEquals(expected, y.getDouble(i), "y[" + i + "]");
      assertEquals(i == 5 ? 1.0 : 0.0, z.getDouble(i), "z[" + i + "]");
    }
  }

  /** C[i, j] += A[i, k] * B[k, j] with f32 rounding, as the testdata matmul. */
  static Operation matmul(int n) {
    MemRefType t = MemRefType.of(F32, n, n);
    AffineMap ik = new AffineMap(3, 0, List.of(AffineExpr.dim(0), AffineExpr.dim(2)));
    AffineMap kj = new AffineMap(3, 0, List.of(AffineExpr.dim(2), AffineExpr.dim(1)));
    AffineMap ij = new AffineMap(3, 0, List.of(AffineExpr.dim(0), AffineExpr.dim(1)));
    return func("matmul", List.of(t, t, t), List.of(), b -> {
      Value a = b.arguments().get(0);
      Value bb = b.arguments().get(1);
      Value c = b.arguments().get(2);
      affineFor(b, 0, n, 1, (b1, i) -> {
        affineFor(b1, 0, n, 1, (b2, j) -> {
          affineFor(b2, 0, n, 1, (b3, k) -> {
            Value x = affineLoad(b3, a, ik, i, j, k);
            Value y = affineLoad(b3, bb, kj, i, j, k);
            Value z = affineLoad(b3, c, ij, i, j, k);
            Value p = op(b3, "arith.mulf", F32, x, y);
            affineStore(b3, op(b3, "arith.addf", F32, z, p), c, ij, i, j, k);
            return null;
          });
          return null;
        });
        return null;
      });
      return List.of();
    });
  }

  @Test
  void matmulMatchesDirectJavaAndChecksums() {
    int n = 64;
    List<RuntimeValue> args = Interpreter.runWithPatternInputs(module(matmul(n)), "matmul");
    float[] c = new float[n * n];
    for (int f = 0; f < n * n; f++) {
      c[f] = (float) PatternInputs.floatElement(2, f);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          c[i * n + j] += (float) PatternInputs.floatElement(0, i * n + k)
              * (float) PatternInputs.floatElement(1, k * n + j);
        }
      }
    }
    Buffer out = (Buffer) args.get(2);
    double sum = 0;
    double abs = 0;
    for (int f = 0; f < n * n; f++) {
      assertEquals(c[f], out.getDouble(f), "C element " + f);
      sum += c[f];
      abs += Math.abs(c[f]);
    }
    assertEquals(String.format(java.util.Locale.ROOT, "arg2 sum=%.6e abs=%.6e", sum, abs),
        Checksums.lines(args).get(2));
  }

  @Test
  void outOfBoundsAccessNamesTheOpAndLocation() {
    MemRefType t = MemRefType.of(F32, 4, 4);
    Location loc = new Location("k.mlir", 7, 12);
    Operation fn = func("f", List.of(t), List.of(), b -> {
      Value a = b.arguments().get(0);
      affineFor(b, 0, 5, 1, (inner, i) -> {
        inner.add(Operation.create("affine.load", List.of(a, i, i), List.of(F32),
            TestIr.mapAttr(ID2), List.of(), loc));
        return null;
      });
      return List.of();
    });
    InterpreterException e = assertThrows(InterpreterException.class,
        () -> Interpreter.runWithPatternInputs(module(fn), "f"));
    assertEquals("k.mlir:7:12: error: 'affine.load' op index 4 is out of bounds [0, 4) in "
        + "dimension 0 of memref<4x4xf32>", e.getMessage());
    assertEquals(loc, e.diagnostics().get(0).location());
  }

  @Test
  void unknownOpsAndFunctionsAreReported() {
    Location loc = new Location("u.mlir", 3, 5);
    Operation fn = func("f", List.of(F32), List.of(F32), b -> List.of(
        TestIr.opAt(b, "arith.frobnicate", F32, Map.of(), loc, b.arguments().get(0))));
    InterpreterException e = assertThrows(InterpreterException.class,
        () -> new Interpreter(module(fn)).call("f", List.of(new FloatValue(F32, 1))));
    assertEquals("u.mlir:3:5: error: 'arith.frobnicate' op is not supported by the interpreter",
        e.getMessage());
    assertThrows(InterpreterException.class,
        () -> new Interpreter(module(fn)).call("g", List.of()));
    assertThrows(InterpreterException.class, () -> new Interpreter(module(fn)).call("f",
        List.of(new IntValue(INDEX, 1))), "argument of the wrong kind");
  }

  @Test
  void malformedOpsAreReportedAtTheOp() {
    MemRefType t = MemRefType.of(F32, 4);
    Location loc = new Location("m.mlir", 2, 3);
    Operation fn = func("f", List.of(t), List.of(), b -> {
      Value zero = constIndex(b, 0);
      b.add(Operation.create("affine.load", List.of(b.arguments().get(0), zero), List.of(F32),
          Map.of(), List.of(), loc));
      return List.of();
    });
    InterpreterException e = assertThrows(InterpreterException.class,
        () -> Interpreter.runWithPatternInputs(module(fn), "f"));
    assertTrue(e.getMessage().startsWith("m.mlir:2:3: error: 'affine.load' op is malformed"),
        e.getMessage());
  }

  @Test
  void callsAllocDimCastCopyAndGlobals() {
    MemRefType dyn = new MemRefType(List.of(ShapedType.DYNAMIC), F32);
    MemRefType t8 = MemRefType.of(F32, 8);
    // @scale(%m: memref<?xf32>, %s: f32): m[i] *= s for i < dim(m, 0)
    Operation scale = func("scale", List.of(dyn, F32), List.of(), b -> {
      Value m = b.arguments().get(0);
      Value zero = constIndex(b, 0);
      Value n = op(b, "memref.dim", INDEX, m, zero);
      affineFor(b, AffineMap.constant(0), List.of(), new AffineMap(0, 1,
          List.of(AffineExpr.symbol(0))), List.of(n), 1, List.of(), (inner, args) -> {
            Value v = affineLoad(inner, m, ID1, args.get(0));
            affineStore(inner, op(inner, "arith.mulf", F32, v, b.arguments().get(1)), m, ID1,
                args.get(0));
            return List.of();
          });
      return List.of();
    });
    Operation global = Operation.create("memref.global", List.of(), List.of(), Map.of(
        "sym_name", new Attribute.StringAttr("weights"),
        "type", new Attribute.TypeAttr(t8),
        "initial_value", new Attribute.DenseElementsAttr(dev.colt.ir.TensorType.of(F32, 8),
            new double[] {1, 2, 3, 4, 5, 6, 7, 8})));
    // @main(%out: memref<8xf32>): tmp = alloc(); copy(weights, tmp); scale(cast tmp, 0.5);
    // copy(tmp, out)
    Operation main = func("main", List.of(t8), List.of(), b -> {
      Value w = op(b, "memref.get_global", t8, Map.of("name",
          new Attribute.SymbolRefAttr("weights")));
      Value tmp = op(b, "memref.alloc", t8, Map.of("operandSegmentSizes",
          Attribute.DenseArrayAttr.i32(0, 0)));
      TestIr.effect(b, "memref.copy", Map.of(), w, tmp);
      Value cast = op(b, "memref.cast", dyn, tmp);
      Value half = constF(b, F32, 0.5);
      b.add(Operation.create("func.call", List.of(cast, half), List.of(),
          Map.of("callee", new Attribute.SymbolRefAttr("scale"))));
      TestIr.effect(b, "memref.copy", Map.of(), tmp, b.arguments().get(0));
      TestIr.effect(b, "memref.dealloc", Map.of(), tmp);
      return List.of();
    });
    Buffer out = Buffer.allocate(F32, 8);
    Interpreter in = new Interpreter(module(global, scale, main));
    in.call("main", List.of(out));
    for (int i = 0; i < 8; i++) {
      assertEquals((i + 1) * 0.5, out.getDouble(i));
    }
    Buffer dynArg = Buffer.allocate(dyn, 3);
    dynArg.setDouble(2, 4.0);
    in.call("scale", List.of(dynArg, new FloatValue(F32, 0.25)));
    assertEquals(1.0, dynArg.getDouble(2));
  }

  @Test
  void dynamicAllocationTakesSizeOperands() {
    MemRefType dyn2 = new MemRefType(List.of(ShapedType.DYNAMIC, 3L), IntegerType.I32);
    Operation fn = func("f", List.of(INDEX), List.of(INDEX), b -> {
      Value m = op(b, "memref.alloc", dyn2, Map.of("operandSegmentSizes",
          Attribute.DenseArrayAttr.i32(1, 0)), b.arguments().get(0));
      Value zero = constIndex(b, 0);
      Value one = constIndex(b, 1);
      Value d0 = op(b, "memref.dim", INDEX, m, zero);
      Value d1 = op(b, "memref.dim", INDEX, m, one);
      return List.of(op(b, "arith.muli", INDEX, d0, d1));
    });
    assertEquals(new IntValue(INDEX, 21), new Interpreter(module(fn)).call("f",
        List.of(new IntValue(INDEX, 7))).get(0));
  }
}
