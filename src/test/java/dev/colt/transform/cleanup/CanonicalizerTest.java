// Tests of canonicalize on IR built in memory: folding, affine map simplification, loop cleanup.
package dev.colt.transform.cleanup;

import static dev.colt.transform.cleanup.CleanupTesting.assertSameResults;
import static dev.colt.transform.cleanup.CleanupTesting.function;
import static dev.colt.transform.cleanup.CleanupTesting.indexConstant;
import static dev.colt.transform.cleanup.CleanupTesting.opsNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.dialect.affine.AffineApplyOp;
import dev.colt.dialect.affine.AffineForOp;
import dev.colt.dialect.affine.AffineLoadOp;
import dev.colt.dialect.affine.AffineMinOp;
import dev.colt.dialect.affine.AffineStoreOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.FloatType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {
  private static final MemRefType BUF = MemRefType.of(FloatType.F32, 32);
  private static final AffineExpr D0 = AffineExpr.dim(0);

  private static Operation canonicalize(Operation f) {
    return new Canonicalizer(Canonicalizer.Options.DEFAULT).run(f);
  }

  private static AffineMap mapOf(Operation op) {
    return ((Attribute.AffineMapAttr) op.attr("map")).map();
  }

  @Test
  void applyChainsFoldIntoLoadsAndDisappear() {
    Operation f = function("chain", List.of(BUF), (b, args) -> b.add(AffineForOp.build(0, 8, 1,
        (body, i, iters) -> {
          Value j = body.addValue(AffineApplyOp.build(AffineMap.of(1, 0, D0.plus(1)), List.of(i)));
          Value k = body.addValue(AffineApplyOp.build(AffineMap.of(1, 0, D0.times(2)),
              List.of(j)));
          Value v = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
              List.of(k)));
          body.add(AffineStoreOp.build(v, args.get(0), AffineMap.identity(1), List.of(i)));
          return List.of();
        })));
    Operation out = canonicalize(f);
    assertEquals(List.of(), opsNamed(out, "affine.apply"));
    Operation load = opsNamed(out, "affine.load").get(0);
    assertEquals(AffineMap.of(1, 0, D0.times(2).plus(2)), mapOf(load));
    Operation loop = opsNamed(out, "affine.for").get(0);
    assertSame(AffineForOp.inductionVar(loop), load.operand(1));
    assertSameResults(f, out);
  }

  @Test
  void constantOperandsFoldIntoMapsAndConstantAppliesBecomeConstants() {
    Operation f = function("consts", List.of(BUF), (b, args) -> {
      Value c3 = b.addValue(indexConstant(3));
      Value c3again = b.addValue(indexConstant(3));
      Value four = b.addValue(AffineApplyOp.build(AffineMap.of(2, 0, D0.plus(AffineExpr.dim(1))
          .plus(-2)), List.of(c3, c3again)));
      Value v = b.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1), List.of(four)));
      b.add(AffineStoreOp.build(v, args.get(0), AffineMap.identity(1), List.of(c3)));
    });
    Operation out = canonicalize(f);
    assertEquals(List.of(), opsNamed(out, "affine.apply"));
    assertEquals(AffineMap.constant(4), mapOf(opsNamed(out, "affine.load").get(0)));
    assertEquals(AffineMap.constant(3), mapOf(opsNamed(out, "affine.store").get(0)));
    // The map constants replaced every use: the constants are dead and gone.
    assertEquals(List.of(), opsNamed(out, "arith.constant"));
    assertSameResults(f, out);
  }

  @Test
  void constantsAreDeduplicatedAndHoisted() {
    Operation f = function("hoist", List.of(BUF), (b, args) -> b.add(AffineForOp.build(0, 4, 1,
        (body, i, iters) -> {
          Value x = body.addValue(CleanupTesting.constant(
              new Attribute.FloatAttr(1.5, FloatType.F32), FloatType.F32));
          Value y = body.addValue(CleanupTesting.constant(
              new Attribute.FloatAttr(1.5, FloatType.F32), FloatType.F32));
          body.add(AffineStoreOp.build(x, args.get(0), AffineMap.identity(1), List.of(i)));
          body.add(AffineStoreOp.build(y, args.get(0), AffineMap.of(1, 0, D0.plus(4)),
              List.of(i)));
          return List.of();
        })));
    Operation out = canonicalize(f);
    List<Operation> constants = opsNamed(out, "arith.constant");
    assertEquals(1, constants.size());
    assertSame(constants.get(0), out.body().operations().get(0));
    for (Operation store : opsNamed(out, "affine.store")) {
      assertSame(constants.get(0).result(), store.operand(0));
    }
    assertSameResults(f, out);
  }

  @Test
  void zeroTripLoopsGoAndSingleIterationLoopsArePromoted() {
    Operation f = function("loops", List.of(BUF), (b, args) -> {
      b.add(AffineForOp.build(5, 5, 1, (body, i, iters) -> {
        body.add(AffineStoreOp.build(
            body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1), List.of(i))),
            args.get(0), AffineMap.of(1, 0, D0.plus(1)), List.of(i)));
        return List.of();
      }));
      b.add(AffineForOp.build(7, 8, 1, (body, i, iters) -> {
        Value v = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
            List.of(i)));
        body.add(AffineStoreOp.build(v, args.get(0), AffineMap.of(1, 0, D0.plus(10)),
            List.of(i)));
        return List.of();
      }));
    });
    Operation out = canonicalize(f);
    assertEquals(List.of(), opsNamed(out, "affine.for"));
    assertEquals(AffineMap.constant(7), mapOf(opsNamed(out, "affine.load").get(0)));
    assertEquals(AffineMap.constant(17), mapOf(opsNamed(out, "affine.store").get(0)));
    assertSameResults(f, out);

    Operation kept = new Canonicalizer(new Canonicalizer.Options(10, false)).run(f);
    assertEquals(1, opsNamed(kept, "affine.for").size());
  }

  @Test
  void minOfConstantsFoldsAndMinOfOneResultBecomesAnApply() {
    Operation f = function("minmax", List.of(BUF), (b, args) -> b.add(AffineForOp.build(0, 4, 1,
        (body, i, iters) -> {
          Value c = body.addValue(AffineMinOp.build(AffineMap.of(0, 0, AffineExpr.constant(9),
              AffineExpr.constant(6)), List.of()));
          Value m = body.addValue(AffineMinOp.build(AffineMap.of(1, 0, D0.plus(1), D0.plus(1)),
              List.of(i)));
          Value x = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
              List.of(c)));
          body.add(AffineStoreOp.build(x, args.get(0), AffineMap.identity(1), List.of(m)));
          return List.of();
        })));
    Operation out = canonicalize(f);
    assertEquals(List.of(), opsNamed(out, "affine.min"));
    assertEquals(AffineMap.constant(6), mapOf(opsNamed(out, "affine.load").get(0)));
    assertEquals(AffineMap.of(1, 0, D0.plus(1)), mapOf(opsNamed(out, "affine.store").get(0)));
    assertSameResults(f, out);
  }

  @Test
  void iterArgLoopsWithConstantZeroTripsForwardTheirInits() {
    Operation f = function("iters", List.of(BUF), (b, args) -> {
      Value init = b.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
          List.of(b.addValue(indexConstant(2)))));
      Operation loop = b.add(AffineForOp.build(3, 1, 1, List.of(init), (body, i, iters) ->
          List.of(iters.get(0))));
      b.add(AffineStoreOp.build(loop.result(0), args.get(0), AffineMap.constant(0), List.of()));
    });
    Operation out = canonicalize(f);
    assertEquals(List.of(), opsNamed(out, "affine.for"));
    Operation load = opsNamed(out, "affine.load").get(0);
    assertSame(load.result(), opsNamed(out, "affine.store").get(0).operand(0));
    assertSameResults(f, out);
  }

  @Test
  void canonicalIrIsReturnedUnchanged() {
    Operation f = function("done", List.of(BUF), (b, args) -> b.add(AffineForOp.build(0, 8, 1,
        (body, i, iters) -> {
          Value v = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
              List.of(i)));
          body.add(AffineStoreOp.build(v, args.get(0), AffineMap.of(1, 0, D0.plus(8)),
              List.of(i)));
          return List.of();
        })));
    assertSame(f, canonicalize(f));
    assertTrue(opsNamed(f, "affine.for").size() == 1);
  }
}
