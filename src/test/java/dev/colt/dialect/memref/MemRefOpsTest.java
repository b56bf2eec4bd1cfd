// Tests of memref op builders, accessors, folding and verifiers.
package dev.colt.dialect.memref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.affine.AffineTestDialect;
import dev.colt.dialect.affine.OpChecker;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.ShapedType;
import dev.colt.ir.TensorType;
import dev.colt.ir.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemRefOpsTest {
  private static final MemRefType DYN = new MemRefType(List.of(ShapedType.DYNAMIC, 4L),
      FloatType.F32);
  private static final MemRefType STATIC = MemRefType.of(FloatType.F32, 8, 4);

  @Test
  void allocWithDynamicSizesAndAlignment() {
    Value n = new Value(IndexType.INSTANCE);
    Operation alloc = MemRefAllocOp.build(DYN, List.of(n), 64L);
    assertEquals(List.of(n), MemRefAllocOp.dynamicSizes(alloc));
    assertEquals(64L, MemRefAllocOp.alignment(alloc));
    assertEquals(DYN, MemRefAllocOp.type(alloc));
    assertEquals(Attribute.DenseArrayAttr.i32(1, 0), alloc.attr("operandSegmentSizes"));
    assertEquals(List.of(), OpChecker.errors(alloc));
    Operation alloca = MemRefAllocaOp.build(STATIC);
    assertNull(MemRefAllocaOp.alignment(alloca));
    assertEquals(List.of(), OpChecker.errors(alloca));
    assertThrows(IllegalArgumentException.class, () -> MemRefAllocOp.build(DYN, List.of(), null));
  }

  @Test
  void allocVerifierMessages() {
    Value n = new Value(IndexType.INSTANCE);
    Operation alloc = MemRefAllocOp.build(DYN, List.of(n), null);
    Operation noSizes = alloc.withOperands(List.of())
        .withAttribute("operandSegmentSizes", Attribute.DenseArrayAttr.i32(0, 0));
    assertEquals(List.of("'memref.alloc' op incorrect number of dynamic sizes, has 0, expected 1"),
        OpChecker.errors(noSizes));
    assertEquals(List.of("'memref.alloc' op 'alignment' must be a positive power of two i64"),
        OpChecker.errors(alloc.withAttribute("alignment", Attribute.i64(48))));
  }

  @Test
  void dimFoldsStaticSizes() {
    Value a = new Value(DYN);
    Value c = new Value(IndexType.INSTANCE);
    Operation dim = MemRefDimOp.build(a, c);
    MemRefDimOp def = new MemRefDimOp();
    assertEquals(List.of(Attribute.index(4)), def.fold(dim, Arrays.asList(null,
        Attribute.index(1))));
    assertNull(def.fold(dim, Arrays.asList(null, Attribute.index(0))));
    assertEquals(List.of(), OpChecker.errors(dim));
  }

  @Test
  void castCompatibility() {
    Value a = new Value(STATIC);
    Operation cast = MemRefCastOp.build(a, DYN);
    assertEquals(List.of(), OpChecker.errors(cast));
    assertThrows(IllegalArgumentException.class,
        () -> MemRefCastOp.build(a, MemRefType.of(FloatType.F32, 8, 5)));
    Operation bad = Operation.create(MemRefCastOp.NAME, List.of(a),
        List.of(MemRefType.of(FloatType.F64, 8, 4)), java.util.Map.of());
    assertEquals(List.of("'memref.cast' op operand type 'memref<8x4xf32>' and result type "
        + "'memref<8x4xf64>' are cast incompatible"), OpChecker.errors(bad));
  }

  @Test
  void loadStoreCopyDealloc() {
    Value a = new Value(STATIC);
    Value b = new Value(DYN);
    Value i = new Value(IndexType.INSTANCE);
    Operation load = MemRefLoadOp.build(a, List.of(i, i));
    assertEquals(FloatType.F32, load.result().type());
    Operation store = MemRefStoreOp.build(load.result(), b, List.of(i, i));
    assertEquals(List.of(i, i), MemRefStoreOp.indices(store));
    for (Operation op : List.of(load, store, MemRefCopyOp.build(a, b),
        MemRefDeallocOp.build(b))) {
      assertEquals(List.of(), OpChecker.errors(op), op.name());
    }
    assertEquals(List.of("'memref.load' op incorrect number of indices for load, expected 2 but "
        + "got 1"), OpChecker.errors(load.withOperands(List.of(a, i))));
    assertEquals(List.of("'memref.store' op value to store must have the same type as memref "
        + "element type"), OpChecker.errors(store.withOperands(List.of(new Value(IntegerType.I32),
            b, i, i))));
    assertThrows(IllegalArgumentException.class,
        () -> MemRefCopyOp.build(a, new Value(MemRefType.of(FloatType.F32, 4))));
  }

  @Test
  void globalsAndGetGlobal() {
    MemRefType w = MemRefType.of(FloatType.F32, 4);
    Operation global = MemRefGlobalOp.buildConstant("w", w, new double[] {1, 2, 3, 4});
    assertEquals("w", MemRefGlobalOp.symName(global));
    assertTrue(MemRefGlobalOp.isConstant(global));
    assertEquals(TensorType.of(FloatType.F32, 4),
        MemRefGlobalOp.initialValue(global).orElseThrow().type());
    Operation scope = AffineTestDialect.scope(List.of(), b -> b.add(MemRefGetGlobalOp.build(
        global)));
    assertEquals(List.of(), OpChecker.errors(ModuleOp.create(List.of(global, scope))));

    Operation missing = AffineTestDialect.scope(List.of(), b -> b.add(MemRefGetGlobalOp.build(
        "v", w)));
    assertEquals(List.of("'memref.get_global' op 'v' does not reference a valid global memref"),
        OpChecker.errors(ModuleOp.create(List.of(global, missing))));
    Operation wrongType = AffineTestDialect.scope(List.of(), b -> b.add(MemRefGetGlobalOp.build(
        "w", MemRefType.of(FloatType.F32, 5))));
    assertEquals(List.of("'memref.get_global' op result type 'memref<5xf32>' does not match "
        + "type 'memref<4xf32>' of the global memref @w"),
        OpChecker.errors(ModuleOp.create(List.of(global, wrongType))));

    Operation badInit = global.withAttribute(MemRefGlobalOp.INITIAL_VALUE,
        new Attribute.DenseElementsAttr(TensorType.of(FloatType.F32, 2), new double[] {1, 2}));
    assertEquals(List.of("'memref.global' op initial value expected to be of type "
        + "'tensor<4xf32>', but was of type 'tensor<2xf32>'"), OpChecker.errors(badInit));
  }

  @Test
  void denseLiteralsFollowMlir() {
    TensorType t = TensorType.of(FloatType.F32, 2, 2);
    assertEquals("dense<[[1.000000e+00, 2.500000e+00], [-3.000000e+00, 0.000000e+00]]>",
        DenseLiteral.format(new Attribute.DenseElementsAttr(t, new double[] {1, 2.5, -3, 0})));
    assertEquals("dense<0.000000e+00>",
        DenseLiteral.format(new Attribute.DenseElementsAttr(t, new double[] {0})));
    String odd = DenseLiteral.element((float) 0.123456789, FloatType.F32);
    assertEquals((float) 0.123456789, Float.parseFloat(odd));
    assertEquals("0x7FC00000", DenseLiteral.element(Double.NaN, FloatType.F32));
    assertEquals("dense<[1, -2]>", DenseLiteral.format(new Attribute.DenseElementsAttr(
        TensorType.of(IntegerType.I32, 2), new double[] {1, -2})));
  }
}
