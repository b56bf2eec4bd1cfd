// Interpreter tests of vector ops: vectorized loops against scalar loops, masked transfers, broadcast, extract/insert.
package dev.colt.exec.interp;

import static dev.colt.exec.interp.TestIr.INDEX;
import static dev.colt.exec.interp.TestIr.affineFor;
import static dev.colt.exec.interp.TestIr.constF;
import static dev.colt.exec.interp.TestIr.constIndex;
import static dev.colt.exec.interp.TestIr.func;
import static dev.colt.exec.interp.TestIr.module;
import static dev.colt.exec.interp.TestIr.op;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.exec.data.Buffer;
import dev.colt.exec.data.PatternInputs;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.data.RuntimeValue.FloatValue;
import dev.colt.exec.data.RuntimeValue.IntValue;
import dev.colt.exec.data.RuntimeValue.VectorValue;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorOpsTest {
  private static final FloatType F32 = FloatType.F32;
  private static final VectorType V8 = VectorType.of(F32, 8);

  private static Value splat(dev.colt.ir.Block.Builder b, VectorType t, double v) {
    return op(b, "arith.constant", t, Map.of("value",
        new Attribute.DenseElementsAttr(t, new double[] {v})));
  }

  @Test
  void vectorizedDotMatchesTheScalarLaneComputation() {
    MemRefType t = MemRefType.of(F32, 64);
    Operation fn = func("dot", List.of(t, t), List.of(F32), b -> {
      Value x = b.arguments().get(0);
      Value y = b.arguments().get(1);
      Value acc0 = splat(b, V8, 0.0);
      Operation loop = affineFor(b, AffineMap.constant(0), List.of(), AffineMap.constant(64),
          List.of(), 8, List.of(acc0), (inner, args) -> {
            Value i = args.get(0);
            Value vx = op(inner, "vector.load", V8, x, i);
            Value vy = inner.addValue(Operation.create("affine.vector_load",
                List.of(y, i), List.of(V8), TestIr.mapAttr(AffineMap.identity(1))));
            return List.of(op(inner, "vector.fma", V8, vx, vy, args.get(1)));
          });
      return List.of(op(b, "vector.reduction", F32, Map.of("kind",
          new Attribute.StringAttr("add")), loop.result()));
    });
    List<RuntimeValue> args = PatternInputs.forSignature(
        new dev.colt.ir.FunctionType(List.of(t, t), List.of()));
    double got = ((FloatValue) new Interpreter(module(fn)).call("dot", args).get(0)).value();
    float[] lanes = new float[8];
    for (int i = 0; i < 64; i++) {
      lanes[i % 8] = Math.fma((float) PatternInputs.floatElement(0, i),
          (float) PatternInputs.floatElement(1, i), lanes[i % 8]);
    }
    float expected = lanes[0];
    for (int l = 1; l < 8; l++) {
      expected += lanes[l];
    }
    assertEquals(expected, got);
  }

  private static Operation transferRead(dev.colt.ir.Block.Builder b, Value mem, List<Value> idx,
      Value pad, Value mask, AffineMap perm, VectorType vt, boolean... inBounds) {
    List<Value> operands = new ArrayList<>();
    operands.add(mem);
    operands.addAll(idx);
    operands.add(pad);
    if (mask != null) {
      operands.add(mask);
    }
    Map<String, Attribute> attrs = new HashMap<>();
    attrs.put("permutation_map", new Attribute.AffineMapAttr(perm));
    List<Attribute> ib = new ArrayList<>();
    for (boolean x : inBounds) {
      ib.add(new Attribute.IntegerAttr(x ? 1 : 0, IntegerType.I1));
    }
    attrs.put("in_bounds", new Attribute.ArrayAttr(ib));
    attrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(1, idx.size(), 1,
        mask == null ? 0 : 1));
    return b.add(Operation.create("vector.transfer_read", operands, List.of(vt), attrs));
  }

  @Test
  void transferReadPadsPastTheEndAndRejectsInBoundsOverrun() {
    MemRefType t = MemRefType.of(F32, 10);
    for (boolean inBounds : new boolean[] {false, true}) {
      Operation fn = func("f", List.of(t, INDEX), List.of(V8), b -> {
        Value pad = constF(b, F32, 9.0);
        return List.of(transferRead(b, b.arguments().get(0), List.of(b.arguments().get(1)),
            pad, null, AffineMap.identity(1), V8, inBounds).result());
      });
      Buffer m = (Buffer) PatternInputs.forArgument(0, t);
      Interpreter in = new Interpreter(module(fn));
      if (inBounds) {
        InterpreterException e = assertThrows(InterpreterException.class,
            () -> in.call("f", List.of(m, new IntValue(INDEX, 6))));
        assertTrue(e.getMessage().contains("'vector.transfer_read' op"), e.getMessage());
        continue;
      }
      double[] got = ((VectorValue) in.call("f", List.of(m, new IntValue(INDEX, 6))).get(0))
          .floats();
      double[] expected = new double[8];
      for (int l = 0; l < 8; l++) {
        expected[l] = 6 + l < 10 ? m.getDouble(6 + l) : 9.0;
      }
      assertArrayEquals(expected, got);
    }
  }

  @Test
  void transferReadTransposesBroadcastsAndMasks() {
    MemRefType t = MemRefType.of(F32, 2, 4);
    VectorType v42 = VectorType.of(F32, 4, 2);
    VectorType v34 = VectorType.of(F32, 3, 4);
    VectorType m4 = VectorType.of(IntegerType.I1, 4);
    VectorType v4 = VectorType.of(F32, 4);
    Operation fn = func("f", List.of(t), List.of(v42, v34, v4), b -> {
      Value mem = b.arguments().get(0);
      Value zero = constIndex(b, 0);
      Value one = constIndex(b, 1);
      Value pad = constF(b, F32, -5.0);
      AffineMap transpose = new AffineMap(2, 0, List.of(AffineExpr.dim(1), AffineExpr.dim(0)));
      AffineMap bcast = new AffineMap(2, 0, List.of(AffineExpr.constant(0), AffineExpr.dim(1)));
      Value tr = transferRead(b, mem, List.of(zero, zero), pad, null, transpose, v42, true,
          true).result();
      Value bc = transferRead(b, mem, List.of(one, zero), pad, null, bcast, v34, true, true)
          .result();
      Value mask = op(b, "arith.constant", m4, Map.of("value",
          new Attribute.DenseElementsAttr(m4, new double[] {1, 0, 1, 0})));
      Value masked = transferRead(b, mem, List.of(one, zero), pad, mask,
          new AffineMap(2, 0, List.of(AffineExpr.dim(1))), v4, true).result();
      return List.of(tr, bc, masked);
    });
    Buffer m = (Buffer) PatternInputs.forArgument(0, t);
    List<RuntimeValue> r = new Interpreter(module(fn)).call("f", List.of(m));
    double[] tr = ((VectorValue) r.get(0)).floats();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(m.getDouble(new long[] {j, i}), tr[i * 2 + j], "transposed " + i + "," + j);
      }
    }
    double[] bc = ((VectorValue) r.get(1)).floats();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(m.getDouble(new long[] {1, j}), bc[i * 4 + j]);
      }
    }
    double[] masked = ((VectorValue) r.get(2)).floats();
    assertArrayEquals(new double[] {m.getDouble(4), -5.0, m.getDouble(6), -5.0}, masked);
  }

  @Test
  void transferWriteSkipsElementsPastTheEndAndMaskedLanes() {
    MemRefType t = MemRefType.of(F32, 10);
    VectorType m8 = VectorType.of(IntegerType.I1, 8);
    Operation fn = func("f", List.of(t, t), List.of(), b -> {
      Value v = splat(b, V8, 3.0);
      Value six = constIndex(b, 6);
      Value zero = constIndex(b, 0);
      Map<String, Attribute> attrs = new HashMap<>();
      attrs.put("permutation_map", new Attribute.AffineMapAttr(AffineMap.identity(1)));
      attrs.put("in_bounds", new Attribute.ArrayAttr(List.of(
          new Attribute.IntegerAttr(0, IntegerType.I1))));
      attrs.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(1, 1, 1, 0));
      b.add(Operation.create("vector.transfer_write", List.of(v, b.arguments().get(0), six),
          List.of(), attrs));
      Value mask = op(b, "arith.constant", m8, Map.of("value",
          new Attribute.DenseElementsAttr(m8, new double[] {0, 1, 1, 0, 0, 0, 0, 1})));
      Map<String, Attribute> masked = new HashMap<>(attrs);
      masked.put("operandSegmentSizes", Attribute.DenseArrayAttr.i32(1, 1, 1, 1));
      b.add(Operation.create("vector.transfer_write",
          List.of(v, b.arguments().get(1), zero, mask), List.of(), masked));
      return List.of();
    });
    Buffer a = Buffer.allocate(F32, 10);
    Buffer c = Buffer.allocate(F32, 10);
    new Interpreter(module(fn)).call("f", List.of(a, c));
    for (int i = 0; i < 10; i++) {
      assertEquals(i >= 6 ? 3.0 : 0.0, a.getDouble(i), "a[" + i + "]");
      assertEquals(i == 1 || i == 2 || i == 7 ? 3.0 : 0.0, c.getDouble(i), "c[" + i + "]");
    }
  }

  @Test
  void broadcastExtractInsertAndIntegerReductions() {
    VectorType v4 = VectorType.of(F32, 4);
    VectorType v24 = VectorType.of(F32, 2, 4);
    VectorType i4 = VectorType.of(IntegerType.I8, 4);
    Operation fn = func("f", List.of(F32, INDEX), List.of(v24, F32, v24, IntegerType.I8, F32),
        b -> {
          Value s = b.arguments().get(0);
          Value bs = op(b, "vector.broadcast", v4, s);
          Value two = constF(b, F32, 2.0);
          Value row = op(b, "vector.insert", v4, Map.of("static_position",
              new Attribute.DenseArrayAttr(IntegerType.I64, List.of(1L))), two, bs);
          Value mat = op(b, "vector.broadcast", v24, row);
          Value picked = op(b, "vector.extract", F32, Map.of("static_position",
              new Attribute.DenseArrayAttr(IntegerType.I64, List.of(0L,
                  dev.colt.ir.ShapedType.DYNAMIC))), mat, b.arguments().get(1));
          Value zeroRow = splat(b, v4, 0.0);
          Value mat2 = op(b, "vector.insert", v24, Map.of("static_position",
              new Attribute.DenseArrayAttr(IntegerType.I64, List.of(1L))), zeroRow, mat);
          Value ints = op(b, "arith.constant", i4, Map.of("value",
              new Attribute.DenseElementsAttr(i4, new double[] {100, 100, 60, -3})));
          Value isum = op(b, "vector.reduction", IntegerType.I8, Map.of("kind",
              new Attribute.StringAttr("add")), ints);
          Value acc = constF(b, F32, 7.0);
          Value mx = op(b, "vector.reduction", F32, Map.of("kind",
              new Attribute.StringAttr("maxnumf")), bs, acc);
          return List.of(mat, picked, mat2, isum, mx);
        });
    List<RuntimeValue> r = new Interpreter(module(fn)).call("f",
        List.of(new FloatValue(F32, 1.5), new IntValue(INDEX, 1)));
    assertArrayEquals(new double[] {1.5, 2, 1.5, 1.5, 1.5, 2, 1.5, 1.5},
        ((VectorValue) r.get(0)).floats());
    assertEquals(new FloatValue(F32, 2.0), r.get(1));
    assertArrayEquals(new double[] {1.5, 2, 1.5, 1.5, 0, 0, 0, 0},
        ((VectorValue) r.get(2)).floats());
    assertEquals(new IntValue(IntegerType.I8, (byte) (100 + 100 + 60 - 3)), r.get(3));
    assertEquals(new FloatValue(F32, 7.0), r.get(4));
    assertThrows(InterpreterException.class, () -> new Interpreter(module(fn)).call("f",
        List.of(new FloatValue(F32, 1.5), new IntValue(INDEX, 4))), "extract position 4 of 4");
  }

  @Test
  void vectorStoreAndElementwiseArithMatchScalarLoop() {
    MemRefType t = MemRefType.of(F32, 4, 8);
    Type cmpT = VectorType.of(IntegerType.I1, 8);
    // y[i, :] = select(x > 0, x * 3, -x) vectorized over rows
    Operation fn = func("f", List.of(t, t), List.of(), b -> {
      Value x = b.arguments().get(0);
      Value y = b.arguments().get(1);
      Value zero = constIndex(b, 0);
      Value three = splat(b, V8, 3.0);
      Value zeros = splat(b, V8, 0.0);
      affineFor(b, 0, 4, 1, (inner, i) -> {
        Value v = op(inner, "vector.load", V8, x, i, zero);
        Value pos = op(inner, "arith.cmpf", cmpT, TestIr.predicate(2), v, zeros);
        Value tripled = op(inner, "arith.mulf", V8, v, three);
        Value neg = op(inner, "arith.negf", V8, v);
        Value sel = op(inner, "arith.select", V8, pos, tripled, neg);
        inner.add(Operation.create("affine.vector_store", List.of(sel, y, i, zero), List.of(),
            TestIr.mapAttr(AffineMap.identity(2))));
        return null;
      });
      return List.of();
    });
    Buffer x = (Buffer) PatternInputs.forArgument(0, t);
    Buffer y = Buffer.allocate(F32, 4, 8);
    new Interpreter(module(fn)).call("f", List.of(x, y));
    for (int f = 0; f < 32; f++) {
      double v = x.getDouble(f);
      assertEquals(v > 0 ? (float) (v * 3) : -v, y.getDouble(f), "element " + f);
    }
  }
}
