// Tests of affine.if, affine.apply, affine.min and affine.max.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.IntegerSet;
import dev.colt.ir.Operation;
import dev.colt.ir.Region;
import dev.colt.ir.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffineIfAndMapOpsTest {
  /** {@code (d0)[s0] : (d0 - 2 >= 0, s0 - d0 - 1 >= 0)}. */
  private static final IntegerSet SET = new IntegerSet(1, 1,
      List.of(AffineExpr.dim(0).plus(-2), AffineExpr.symbol(0).minus(AffineExpr.dim(0)).plus(-1)),
      List.of(false, false));

  @Test
  void ifWithResultsAndElse() {
    Value n = new Value(IndexType.INSTANCE);
    Value x = new Value(FloatType.F32);
    Value y = new Value(FloatType.F32);
    Operation scope = AffineTestDialect.scope(List.of(IndexType.INSTANCE), b -> b.add(
        AffineForOp.build(0, 10, 1, (lb, i, args) -> {
          lb.add(AffineIfOp.build(SET, List.of(i, b.argument(0)), List.of(FloatType.F32),
              t -> List.of(x), e -> List.of(y)));
          return List.of();
        })));
    assertEquals(List.of(), OpChecker.errors(scope));
    Operation op = AffineIfOp.build(SET, List.of(n, n), List.of(FloatType.F32), t -> List.of(x),
        e -> List.of(y));
    assertTrue(AffineIfOp.hasElse(op));
    assertEquals(SET, AffineIfOp.condition(op));
    assertEquals(List.of(x), AffineIfOp.thenYielded(op));
    assertEquals(List.of(y), AffineIfOp.elseYielded(op));
    assertEquals(List.of(n), AffineIfOp.dimOperands(op));
    assertEquals(List.of(n), AffineIfOp.symbolOperands(op));
  }

  @Test
  void ifWithoutElse() {
    Value n = new Value(IndexType.INSTANCE);
    Operation op = AffineIfOp.build(SET, List.of(n, n), t -> List.of());
    assertFalse(AffineIfOp.hasElse(op));
    assertTrue(AffineIfOp.elseBlock(op).isEmpty());
    assertEquals(2, op.regions().size());
    assertEquals(List.of(), OpChecker.errors(op));
    assertThrows(IllegalArgumentException.class, () -> AffineIfOp.build(SET, List.of(n),
        t -> List.of()));
    assertThrows(IllegalArgumentException.class, () -> AffineIfOp.build(SET, List.of(n, n),
        List.of(FloatType.F32), t -> List.of(new Value(FloatType.F32)), null));
  }

  @Test
  void ifVerifierMessages() {
    Value n = new Value(IndexType.INSTANCE);
    Value x = new Value(FloatType.F32);
    Operation op = AffineIfOp.build(SET, List.of(n, n), List.of(FloatType.F32), t -> List.of(x),
        e -> List.of(x));
    assertEquals(List.of("'affine.if' op operand count and condition integer set dimension and "
        + "symbol count must match"), OpChecker.errors(op.withOperands(List.of(n))));
    Operation noElse = op.withRegions(List.of(op.region(0), new Region(List.of())));
    assertEquals(List.of("'affine.if' op must have an else block if defining values"),
        OpChecker.errors(noElse));
    Operation scope = AffineTestDialect.scope(List.of(), b -> b.add(
        AffineForOp.build(0, 10, 1, (lb, i, args) -> {
          lb.add(AffineIfOp.build(SET, List.of(i, i), t -> List.of()));
          return List.of();
        })));
    assertEquals(List.of("'affine.if' op operand cannot be used as a symbol"),
        OpChecker.errors(scope));
  }

  @Test
  void applyMinMaxFoldConstants() {
    Value a = new Value(IndexType.INSTANCE);
    Value s = new Value(IndexType.INSTANCE);
    AffineMap two = AffineMap.of(1, 1, AffineExpr.dim(0).plus(32), AffineExpr.symbol(0));
    Operation min = AffineMinOp.build(two, List.of(a, s));
    Operation max = AffineMaxOp.build(two, List.of(a, s));
    Operation apply = AffineApplyOp.build(AffineMap.of(1, 1,
        AffineExpr.dim(0).times(4).plus(AffineExpr.symbol(0))), List.of(a, s));
    List<Attribute> consts = List.of(Attribute.index(3), Attribute.index(20));
    OpDefs defs = new OpDefs();
    assertEquals(List.of(Attribute.index(20)), defs.min.fold(min, consts));
    assertEquals(List.of(Attribute.index(35)), defs.max.fold(max, consts));
    assertEquals(List.of(Attribute.index(32)), defs.apply.fold(apply, consts));
    assertNull(defs.apply.fold(apply, Arrays.asList(Attribute.index(3), null)));
    for (Operation op : List.of(min, max, apply)) {
      assertEquals(List.of(), OpChecker.errors(op));
      assertEquals(IndexType.INSTANCE, op.result().type());
    }
  }

  @Test
  void mapOpVerifierMessages() {
    Value a = new Value(IndexType.INSTANCE);
    AffineMap two = AffineMap.of(1, 0, AffineExpr.dim(0), AffineExpr.constant(4));
    assertThrows(IllegalArgumentException.class, () -> AffineApplyOp.build(two, List.of(a)));
    Operation apply = AffineApplyOp.build(AffineMap.identity(1), List.of(a));
    assertEquals(List.of("'affine.apply' op mapping must produce one value"),
        OpChecker.errors(apply.withAttribute("map", new Attribute.AffineMapAttr(two))));
    assertEquals(List.of("'affine.apply' op operand count and affine map dimension and symbol "
        + "count must match"), OpChecker.errors(apply.withOperands(List.of(a, a))));
    Operation min = AffineMinOp.build(two, List.of(a));
    assertEquals(List.of("'affine.min' op operands must be of type 'index'"),
        OpChecker.errors(min.withOperands(List.of(new Value(FloatType.F32)))));
  }

  /** The registered definitions, for calling fold. */
  private static final class OpDefs {
    final AffineMinOp min = new AffineMinOp();
    final AffineMaxOp max = new AffineMaxOp();
    final AffineApplyOp apply = new AffineApplyOp();
  }
}
