// Tests of affine.for builders, accessors and verifier rules.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Block;
import dev.colt.ir.FloatType;
import dev.colt.ir.IndexType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AffineForOpTest {
  private static final Type F32 = FloatType.F32;
  private static final IndexType INDEX = IndexType.INSTANCE;

  @Test
  void constantLoopAccessors() {
    Operation loop = AffineForOp.build(0, 10, 4, (b, iv, args) -> List.of());
    assertEquals(AffineMap.constant(0), AffineForOp.lowerMap(loop));
    assertEquals(AffineMap.constant(10), AffineForOp.upperMap(loop));
    assertEquals(4, AffineForOp.step(loop));
    assertTrue(AffineForOp.hasConstantBounds(loop));
    assertEquals(OptionalLong.of(3), AffineForOp.constantTripCount(loop));
    assertTrue(AffineForOp.iterArgs(loop).isEmpty());
    assertTrue(AffineForOp.yieldedValues(loop).isEmpty());
    assertSame(AffineForOp.inductionVar(loop), loop.body().arguments().get(0));
    assertEquals(AffineYieldOp.NAME, loop.body().terminator().name());
    assertEquals(new Attribute.DenseArrayAttr(dev.colt.ir.IntegerType.I32, List.of(0L, 0L, 0L)),
        loop.attr(AffineForOp.SEGMENTS));
    assertEquals(Attribute.index(4), loop.attr(AffineForOp.STEP));
    assertEquals(List.of(), OpChecker.errors(loop));
  }

  @Test
  void tripCountOfEmptyAndMinMaxBounds() {
    Operation empty = AffineForOp.build(5, 5, 1, (b, iv, args) -> List.of());
    assertEquals(OptionalLong.of(0), AffineForOp.constantTripCount(empty));
    Operation minMax = AffineForOp.build(
        AffineMap.of(0, 0, AffineExpr.constant(2), AffineExpr.constant(3)), List.of(),
        AffineMap.of(0, 0, AffineExpr.constant(10), AffineExpr.constant(8)), List.of(), 2,
        List.of(), (b, iv, args) -> List.of());
    assertEquals(OptionalLong.of(3), AffineForOp.constantLowerBound(minMax));
    assertEquals(OptionalLong.of(8), AffineForOp.constantUpperBound(minMax));
    assertEquals(OptionalLong.of(3), AffineForOp.constantTripCount(minMax));
  }

  @Test
  void iterArgsCarryAndBecomeResults() {
    Value init = new Value(F32);
    Operation loop = AffineForOp.build(0, 8, 1, List.of(init),
        (b, iv, args) -> List.of(args.get(0)));
    assertEquals(List.of(init), AffineForOp.inits(loop));
    assertEquals(1, AffineForOp.iterArgs(loop).size());
    assertEquals(F32, loop.result().type());
    assertSame(AffineForOp.iterArgs(loop).get(0), AffineForOp.yieldedValues(loop).get(0));
    assertEquals(List.of(), OpChecker.errors(loop));
  }

  @Test
  void builderRejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> AffineForOp.build(0, 8, 0, (b, iv, args) -> List.of()));
    Value init = new Value(F32);
    assertThrows(IllegalArgumentException.class,
        () -> AffineForOp.build(0, 8, 1, List.of(init), (b, iv, args) -> List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> AffineForOp.build(AffineMap.identity(1), List.of(), AffineMap.constant(4),
            List.of(), 1, List.of(), (b, iv, args) -> List.of()));
  }

  /** {@code for %i = 0 to %n { for %j = #lb(%i) to min #ub(%i)[%n] { ... } }} in a scope. */
  @Test
  void symbolicNestVerifiesAndExposesOperands() {
    List<Operation> inner = new ArrayList<>();
    Operation scope = AffineTestDialect.scope(List.of(INDEX), b -> {
      Value n = b.argument(0);
      b.add(AffineForOp.build(AffineMap.constant(0), List.of(),
          AffineMap.of(0, 1, AffineExpr.symbol(0)), List.of(n), 1, List.of(), (ob, i, a) -> {
            Operation j = AffineForOp.build(AffineMap.of(1, 0, AffineExpr.dim(0)), List.of(i),
                AffineMap.of(1, 1, AffineExpr.dim(0).plus(32), AffineExpr.symbol(0)),
                List.of(i, n), 1, List.of(), (ib, jv, a2) -> List.of());
            inner.add(j);
            ob.add(j);
            return List.of();
          }));
    });
    assertEquals(List.of(), OpChecker.errors(scope));
    Operation j = inner.get(0);
    assertEquals(1, AffineForOp.lowerOperands(j).size());
    assertEquals(2, AffineForOp.upperOperands(j).size());
    assertFalse(AffineForOp.hasConstantBounds(j));
    assertTrue(AffineForOp.constantTripCount(j).isEmpty());
  }

  @Test
  void inductionVariableIsNotASymbol() {
    Operation scope = AffineTestDialect.scope(List.of(), b -> b.add(
        AffineForOp.build(0, 10, 1, (ob, i, a) -> {
          ob.add(AffineForOp.build(AffineMap.constant(0), List.of(),
              AffineMap.of(0, 1, AffineExpr.symbol(0)), List.of(i), 1, List.of(),
              (ib, j, a2) -> List.of()));
          return List.of();
        })));
    assertEquals(List.of("'affine.for' op operand cannot be used as a symbol"),
        OpChecker.errors(scope));
  }

  @Test
  void opaqueValueIsNotADimension() {
    Operation scope = AffineTestDialect.scope(List.of(), b -> b.add(
        AffineForOp.build(0, 10, 1, (ob, i, a) -> {
          Value x = ob.addValue(AffineTestDialect.opaque());
          ob.add(AffineForOp.build(AffineMap.identity(1), List.of(x), AffineMap.constant(10),
              List.of(), 1, List.of(), (ib, j, a2) -> List.of()));
          return List.of();
        })));
    assertEquals(List.of("'affine.for' op operand cannot be used as a dimension id"),
        OpChecker.errors(scope));
  }

  @Test
  void constantsAndTopLevelValuesAreSymbols() {
    Operation scope = AffineTestDialect.scope(List.of(INDEX), b -> {
      Value n = b.argument(0);
      Value top = b.addValue(AffineTestDialect.opaque());
      b.add(AffineForOp.build(0, 10, 1, (ob, i, a) -> {
        Value c = ob.addValue(AffineTestDialect.constant(3));
        Value s = ob.addValue(AffineApplyOp.build(AffineMap.of(0, 2,
            AffineExpr.symbol(0).plus(AffineExpr.symbol(1))), List.of(n, c)));
        ob.add(AffineForOp.build(AffineMap.constant(0), List.of(),
            AffineMap.of(0, 3, AffineExpr.symbol(0), AffineExpr.symbol(1), AffineExpr.symbol(2)),
            List.of(s, top, c), 1, List.of(), (ib, j, a2) -> List.of()));
        return List.of();
      }));
    });
    assertEquals(List.of(), OpChecker.errors(scope));
  }

  @Test
  void verifierReportsStepArityAndYieldMismatches() {
    Value init = new Value(F32);
    Operation ok = AffineForOp.build(0, 8, 1, List.of(init), (b, iv, args) -> List.of(args.get(0)));
    Operation zeroStep = ok.withAttribute(AffineForOp.STEP, Attribute.index(0));
    assertTrue(OpChecker.errors(zeroStep).contains(
        "'affine.for' op expected step to be representable as a positive signed integer"));

    Operation badArity = ok.withAttribute(AffineForOp.LOWER_BOUND_MAP,
        new Attribute.AffineMapAttr(AffineMap.identity(1)));
    assertTrue(OpChecker.errors(badArity).contains(
        "'affine.for' op lower bound operand count does not match the affine map"));

    Block body = ok.body();
    List<Operation> ops = new ArrayList<>(body.withoutTerminator());
    ops.add(AffineYieldOp.build(List.of(body.arguments().get(0))));
    Operation wrongYield = ok.withBody(body.withOperations(ops));
    assertEquals(List.of("'affine.yield' op types mismatch between yield op and its parent"),
        OpChecker.errors(wrongYield));

    ops.set(ops.size() - 1, AffineYieldOp.build());
    assertEquals(List.of("'affine.yield' op parent of yield must have same number of results as "
        + "the yield operands"), OpChecker.errors(ok.withBody(body.withOperations(ops))));
  }

  @Test
  void withBoundsAndStepKeepBodyAndResults() {
    Value n = new Value(INDEX);
    Operation loop = AffineForOp.build(0, 16, 1, (b, iv, args) -> List.of());
    Operation changed = AffineForOp.withUpperBound(
        AffineForOp.withStep(loop, 4), AffineMap.of(0, 1, AffineExpr.symbol(0)), List.of(n));
    assertEquals(4, AffineForOp.step(changed));
    assertEquals(List.of(n), AffineForOp.upperOperands(changed));
    assertSame(loop.body(), changed.body());
    assertEquals(new Attribute.DenseArrayAttr(dev.colt.ir.IntegerType.I32, List.of(0L, 1L, 0L)),
        changed.attr(AffineForOp.SEGMENTS));
    assertEquals(List.of(), OpChecker.errors(changed));
  }

  @Test
  void parallelMarkRoundTripsAsAnAttribute() {
    Operation loop = AffineForOp.markParallel(AffineForOp.build(0, 8, 1,
        (b, iv, args) -> List.of()));
    assertTrue(AffineForOp.isParallel(loop));
    Operation module = dev.colt.ir.ModuleOp.create(List.of(dev.colt.dialect.func.FuncOp.create(
        "f", new dev.colt.ir.FunctionType(List.of(), List.of()), b -> {
          b.add(loop);
          b.add(dev.colt.dialect.func.ReturnOp.create(List.of()));
        })));
    String printed = dev.colt.ir.text.Printer.print(module);
    assertTrue(printed.contains("affine.for %arg0 = 0 to 8 {\n    } {colt.parallel}"), printed);
    assertEquals(printed, SyntaxRoundTrip.reprint(printed));
  }

  @Test
  void loadInsideLoopUsesInductionVariable() {
    MemRefType type = MemRefType.of(F32, 16);
    Operation scope = AffineTestDialect.scope(List.of(type), b -> {
      Value a = b.argument(0);
      b.add(AffineForOp.build(0, 16, 1, (ob, i, args) -> {
        Value x = ob.addValue(AffineLoadOp.build(a, List.of(i)));
        ob.add(AffineStoreOp.build(x, a, List.of(i)));
        return List.of();
      }));
    });
    assertEquals(List.of(), OpChecker.errors(scope));
  }
}
