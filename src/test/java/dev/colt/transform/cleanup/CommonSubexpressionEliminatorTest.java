// Tests of CSE on IR built in memory: merging within dominance scopes, never across siblings.
package dev.colt.transform.cleanup;

import static dev.colt.transform.cleanup.CleanupTesting.assertSameResults;
import static dev.colt.transform.cleanup.CleanupTesting.function;
import static dev.colt.transform.cleanup.CleanupTesting.opsNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.colt.dialect.affine.AffineApplyOp;
import dev.colt.dialect.affine.AffineForOp;
import dev.colt.dialect.affine.AffineLoadOp;
import dev.colt.dialect.affine.AffineStoreOp;
import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.FloatType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonSubexpressionEliminatorTest {
  private static final MemRefType BUF = MemRefType.of(FloatType.F32, 64);
  private static final AffineMap PLUS_ONE = AffineMap.of(1, 0, AffineExpr.dim(0).plus(1));

  @Test
  void equalPureOpsMergeAndDominatedCopiesInNestedRegionsToo() {
    Operation f = function("cse", List.of(BUF), (b, args) -> b.add(AffineForOp.build(0, 8, 1,
        (body, i, iters) -> {
          Value a = body.addValue(AffineApplyOp.build(PLUS_ONE, List.of(i)));
          Value c = body.addValue(AffineApplyOp.build(PLUS_ONE, List.of(i)));
          Value x = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
              List.of(a)));
          body.add(AffineForOp.build(0, 2, 1, (inner, j, it) -> {
            Value d = inner.addValue(AffineApplyOp.build(PLUS_ONE, List.of(i)));
            inner.add(AffineStoreOp.build(x, args.get(0), AffineMap.of(1, 0,
                AffineExpr.dim(0).plus(16)), List.of(d)));
            return List.of();
          }));
          body.add(AffineStoreOp.build(x, args.get(0), AffineMap.of(1, 0,
              AffineExpr.dim(0).plus(32)), List.of(c)));
          return List.of();
        })));
    CommonSubexpressionEliminator.Result r = CommonSubexpressionEliminator.run(f);
    assertEquals(2, r.eliminated());
    List<Operation> applies = opsNamed(r.op(), "affine.apply");
    assertEquals(1, applies.size());
    for (Operation store : opsNamed(r.op(), "affine.store")) {
      assertSame(applies.get(0).result(), store.operand(2));
    }
    assertSameResults(f, r.op());
  }

  @Test
  void siblingRegionsDoNotShareAndMemoryOpsAreNeverMerged() {
    Operation f = function("siblings", List.of(BUF), (b, args) -> {
      for (int k = 0; k < 2; k++) {
        int offset = 8 * k;
        b.add(AffineForOp.build(0, 4, 1, (body, i, iters) -> {
          Value a = body.addValue(AffineApplyOp.build(PLUS_ONE, List.of(i)));
          Value x = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
              List.of(a)));
          Value y = body.addValue(AffineLoadOp.build(args.get(0), AffineMap.identity(1),
              List.of(a)));
          body.add(AffineStoreOp.build(x, args.get(0), AffineMap.of(1, 0,
              AffineExpr.dim(0).plus(20 + offset)), List.of(i)));
          body.add(AffineStoreOp.build(y, args.get(0), AffineMap.of(1, 0,
              AffineExpr.dim(0).plus(40 + offset)), List.of(i)));
          return List.of();
        }));
      }
    });
    CommonSubexpressionEliminator.Result r = CommonSubexpressionEliminator.run(f);
    assertEquals(0, r.eliminated());
    assertSame(f, r.op());
    assertEquals(4, opsNamed(r.op(), "affine.load").size());
  }
}
