// Vector ops (loads, fma, reductions, masked transfers, broadcast) and math ops give Java's results.
package dev.colt.exec.jit;

import static dev.colt.lower.llvm.GenericOps.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.FunctionType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JitVectorMathTest {
  static final FloatType F32 = FloatType.F32;
  static final VectorType V16 = VectorType.of(F32, 16);


  /** dot(x, y) over 64 elements with vector.fma into an iter_arg, then vector.reduction add. */
  @Test
  void vectorFmaAndReduction() {
    MemRefType in = MemRefType.of(F32, 64);
    MemRefType out = MemRefType.of(F32, 1);
    Operation module = module(func("dot", List.of(in, in, out), List.of(), b -> {
      Value zero = b.addValue(Operation.create("arith.constant", List.of(), List.of(V16),
          Map.of("value", new Attribute.DenseElementsAttr(V16, new double[] {0.0}))));
      Operation loop = affineFor(b, AffineMap.constant(0), List.of(), AffineMap.constant(64),
          List.of(), 16, List.of(zero), (bi, iv) -> {
            Value x = bi.addValue(Operation.create("affine.vector_load",
                List.of(b.argument(0), iv.get(0)), List.of(V16),
                Map.of("map", new Attribute.AffineMapAttr(AffineMap.identity(1)))));
            Value y = bi.addValue(Operation.create("affine.vector_load",
                List.of(b.argument(1), iv.get(0)), List.of(V16),
                Map.of("map", new Attribute.AffineMapAttr(AffineMap.identity(1)))));
            return List.of(bi.addValue(Operation.create("vector.fma", List.of(x, y, iv.get(1)),
                List.of(V16), Map.of())));
          });
      Value sum = b.addValue(Operation.create("vector.reduction", List.of(loop.result()),
          List.of(F32), Map.of("kind", new Attribute.StringAttr("add"))));
      store(b, sum, b.argument(2), AffineMap.constant(0));
      b.add(ret());
      return null;
    }));
    List<RuntimeValue> args = run(module, "dot", 0);
    double expect = 0;
    for (int f = 0; f < 64; f++) {
      expect += ((Buffer) args.get(0)).getDouble(f)
          * ((Buffer) args.get(1)).getDouble(f);
    }
    assertEquals(expect, ((Buffer) args.get(2)).getDouble(0), 1e-4);
  }

  /** y = exp(x) * broadcast(2) over a dynamic length 21 with masked transfers (16 + tail 5). */
  @Test
  void maskedTransfersBroadcastAndExp() {
    MemRefType dyn = MemRefType.of(F32, ShapedType.DYNAMIC);
    Operation module = module(func("scale", List.of(dyn, dyn), List.of(), b -> {
      Value n = b.addValue(Operation.create("memref.dim", List.of(b.argument(0),
          constIndex(b, 0)), List.of(IndexType.INSTANCE), Map.of()));
      Value pad = constF(b, 0.0, F32);
      Value two = b.addValue(Operation.create("vector.broadcast", List.of(constF(b, 2.0, F32)),
          List.of(V16), Map.of()));
      affineFor(b, AffineMap.constant(0), List.of(), AffineMap.of(0, 1, AffineExpr.symbol(0)),
          List.of(n), 16, List.of(), (bi, iv) -> {
            Map<String, Attribute> attrs = Map.of(
                "permutation_map", new Attribute.AffineMapAttr(AffineMap.identity(1)),
                "in_bounds", new Attribute.ArrayAttr(List.of(
                    new Attribute.IntegerAttr(0, IntegerType.I1))),
                "operandSegmentSizes", Attribute.DenseArrayAttr.i32(1, 1, 1, 0));
            Value x = bi.addValue(Operation.create("vector.transfer_read",
                List.of(b.argument(0), iv.get(0), pad), List.of(V16), attrs));
            Value e = unary(bi, "math.exp", x);
            Value y = binary(bi, "arith.mulf", e, two);
            Map<String, Attribute> wattrs = new java.util.TreeMap<>(attrs);
            wattrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(1, 1, 1, 0));
            bi.add(Operation.create("vector.transfer_write", List.of(y, b.argument(1), iv.get(0)),
                List.of(), wattrs));
            return List.of();
          });
      b.add(ret());
      return null;
    }));
    List<RuntimeValue> args = run(module, "scale", 21);
    Buffer x = (Buffer) args.get(0);
    Buffer y = (Buffer) args.get(1);
    for (int f = 0; f < 21; f++) {
      double v = x.getDouble(f);
      assertEquals(2 * Math.exp(v), y.getDouble(f), 1e-5, "element " + f);
    }
  }

  /** Scalar math and arith ops on one value each: results written to an output vector. */
  @Test
  void scalarMathAndCasts() {
    MemRefType out = MemRefType.of(F32, 8);
    String[] unaries = {"math.sqrt", "math.rsqrt", "math.tanh", "math.log", "math.absf",
        "arith.negf"};
    Operation module = module(func("m", List.of(out, F32), List.of(), b -> {
      Value x = b.argument(1);
      List<Value> rs = new ArrayList<>();
      for (String u : unaries) {
        rs.add(unary(b, u, x));
      }
      rs.add(b.addValue(Operation.create("math.powf", List.of(x, constF(b, 3.0, F32)),
          List.of(F32), Map.of())));
      Value i = b.addValue(Operation.create("arith.fptosi",
          List.of(binary(b, "arith.mulf", x, constF(b, -10.0, F32))), List.of(IntegerType.I32),
          Map.of()));
      rs.add(b.addValue(Operation.create("arith.sitofp", List.of(i), List.of(F32), Map.of())));
      for (int k = 0; k < rs.size(); k++) {
        store(b, rs.get(k), b.argument(0), AffineMap.constant(k));
      }
      b.add(ret());
      return null;
    }));
    List<RuntimeValue> args = run(module, "m", 0);
    double x = (1 + 4) / 8.0;
    double[] expect = {Math.sqrt(x), 1 / Math.sqrt(x), Math.tanh(x), Math.log(x), Math.abs(x),
        -x, Math.pow(x, 3), (int) (x * -10)};
    for (int k = 0; k < expect.length; k++) {
      assertEquals(expect[k], ((Buffer) args.get(0)).getDouble(k),
          1e-6, "result " + k);
    }
  }

  static List<RuntimeValue> run(Operation module, String name, long dyn) {
    FunctionType t = JitKernelTest.signature(module);
    List<RuntimeValue> args = PatternInputs.forSignature(t, dyn);
    try (JitModule m = Jit.forCurrentThread().compile(module)) {
      m.function(name).call(args);
    }
    return args;
  }
}
