// Tests of affine.load/store/vector_load/vector_store builders, accessors and verifiers.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffineMemoryOpsTest {
  private static final MemRefType A = MemRefType.of(FloatType.F32, 4, 8);
  private static final AffineMap SHIFTED = AffineMap.of(2, 0, AffineExpr.dim(0).plus(1),
      AffineExpr.dim(1));

  @Test
  void loadAccessors() {
    Value a = new Value(A);
    Value i = new Value(IndexType.INSTANCE);
    Value j = new Value(IndexType.INSTANCE);
    Operation load = AffineLoadOp.build(a, SHIFTED, List.of(i, j));
    assertSame(a, AffineLoadOp.memref(load));
    assertEquals(SHIFTED, AffineLoadOp.map(load));
    assertEquals(List.of(i, j), AffineLoadOp.indices(load));
    assertEquals(FloatType.F32, load.result().type());
    assertEquals(List.of(), OpChecker.errors(load));
  }

  @Test
  void storeAccessors() {
    Value a = new Value(A);
    Value v = new Value(FloatType.F32);
    Value i = new Value(IndexType.INSTANCE);
    Value j = new Value(IndexType.INSTANCE);
    Operation store = AffineStoreOp.build(v, a, List.of(i, j));
    assertSame(v, AffineStoreOp.value(store));
    assertSame(a, AffineStoreOp.memref(store));
    assertEquals(AffineMap.identity(2), AffineStoreOp.map(store));
    assertEquals(List.of(i, j), AffineStoreOp.indices(store));
    assertEquals(List.of(), OpChecker.errors(store));
  }

  @Test
  void buildersRejectMismatches() {
    Value a = new Value(A);
    Value i = new Value(IndexType.INSTANCE);
    assertThrows(IllegalArgumentException.class, () -> AffineLoadOp.build(a, List.of(i)));
    assertThrows(IllegalArgumentException.class,
        () -> AffineStoreOp.build(new Value(FloatType.F64), a, List.of(i, i)));
    assertThrows(IllegalArgumentException.class,
        () -> AffineLoadOp.build(a, List.of(i, new Value(IntegerType.I32))));
    assertThrows(IllegalArgumentException.class, () -> AffineVectorLoadOp.build(
        VectorType.of(FloatType.F64, 8), a, AffineMap.identity(2), List.of(i, i)));
  }

  @Test
  void verifierMessagesForIndexing() {
    Value a = new Value(A);
    Value i = new Value(IndexType.INSTANCE);
    Operation load = AffineLoadOp.build(a, List.of(i, i));
    assertEquals(List.of("'affine.load' op affine map num results must equal memref rank"),
        OpChecker.errors(load.withAttribute("map",
            new Attribute.AffineMapAttr(AffineMap.identity(1)))));
    assertEquals(List.of("'affine.load' op expects as many subscripts as affine map inputs"),
        OpChecker.errors(load.withOperands(List.of(a, i))));
    Value k = new Value(IntegerType.I64);
    assertEquals(List.of("'affine.load' op index to load must have 'index' type"),
        OpChecker.errors(load.withOperands(List.of(a, i, k))));
    Operation store = AffineStoreOp.build(new Value(FloatType.F32), a, List.of(i, i));
    assertEquals(List.of("'affine.store' op value to store must have the same type as memref "
        + "element type"), OpChecker.errors(store.withOperands(List.of(new Value(FloatType.F16),
            a, i, i))));
  }

  @Test
  void opaqueSubscriptIsRejectedInsideAScope() {
    Operation scope = AffineTestDialect.scope(List.of(A), b -> b.add(
        AffineForOp.build(0, 4, 1, (lb, i, args) -> {
          Value x = lb.addValue(AffineTestDialect.opaque());
          lb.addValue(AffineLoadOp.build(b.argument(0), List.of(i, x)));
          return List.of();
        })));
    assertEquals(List.of("'affine.load' op operand cannot be used as a dimension id"),
        OpChecker.errors(scope));
  }

  @Test
  void applyOfInductionVariablesIsAValidDimension() {
    Operation scope = AffineTestDialect.scope(List.of(A), b -> b.add(
        AffineForOp.build(0, 4, 1, (lb, i, args) -> {
          Value d = lb.addValue(AffineApplyOp.build(AffineMap.of(1, 0, AffineExpr.dim(0)
              .times(2)), List.of(i)));
          Value c = lb.addValue(AffineTestDialect.constant(1));
          lb.add(AffineStoreOp.build(lb.addValue(AffineLoadOp.build(b.argument(0),
              List.of(d, c))), b.argument(0), List.of(i, d)));
          return List.of();
        })));
    assertEquals(List.of(), OpChecker.errors(scope));
  }

  @Test
  void vectorAccesses() {
    Value a = new Value(A);
    Value i = new Value(IndexType.INSTANCE);
    VectorType v8 = VectorType.of(FloatType.F32, 8);
    AffineMap rowStart = AffineMap.of(1, 0, AffineExpr.dim(0), AffineExpr.constant(0));
    Operation load = AffineVectorLoadOp.build(v8, a, rowStart, List.of(i));
    assertEquals(v8, AffineVectorLoadOp.vectorType(load));
    Operation store = AffineVectorStoreOp.build(load.result(), a, rowStart, List.of(i));
    assertEquals(v8, AffineVectorStoreOp.vectorType(store));
    assertEquals(List.of(), OpChecker.errors(load));
    assertEquals(List.of(), OpChecker.errors(store));
    Operation wrong = Operation.create(AffineVectorLoadOp.NAME, List.of(a, i),
        List.of(VectorType.of(FloatType.F64, 8)), load.attributes());
    assertEquals(List.of("'affine.vector_load' op requires memref and vector types of the same "
        + "elemental type"), OpChecker.errors(wrong));
    Operation wrongStore = store.withOperands(List.of(new Value(VectorType.of(IntegerType.I32,
        8)), a, i));
    assertTrue(OpChecker.errors(wrongStore).contains("'affine.vector_store' op requires memref "
        + "and vector types of the same elemental type"));
  }
}
