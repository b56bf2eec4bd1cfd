// Tests of affine map/operand canonicalization: unused dropped, repeats merged, values kept.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.ir.AffineExpr;
import dev.colt.ir.AffineMap;
import dev.colt.ir.IndexType;
import dev.colt.ir.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AffineApplicationTest {
  private final Value i = new Value(IndexType.INSTANCE);
  private final Value j = new Value(IndexType.INSTANCE);
  private final Value n = new Value(IndexType.INSTANCE);

  @Test
  void dropsUnusedAndMergesRepeats() {
    AffineMap map = AffineMap.of(3, 2, AffineExpr.dim(0).plus(AffineExpr.dim(2)),
        AffineExpr.symbol(1).plus(4));
    AffineApplication c = new AffineApplication(map, List.of(i, j, i, n, n)).canonicalize();
    assertEquals(List.of(i, n), c.operands());
    assertEquals(AffineMap.of(1, 1, AffineExpr.dim(0).times(2), AffineExpr.symbol(0).plus(4)),
        c.map());
  }

  @Test
  void constantMapLosesAllOperands() {
    AffineApplication c = new AffineApplication(AffineMap.of(1, 1, AffineExpr.constant(9),
        AffineExpr.constant(1)), List.of(i, n)).canonicalize();
    assertEquals(List.of(), c.operands());
    assertEquals(AffineMap.of(0, 0, AffineExpr.constant(9), AffineExpr.constant(1)), c.map());
  }

  /** Canonicalization never changes the values a map computes. */
  @Property(tries = 100)
  void preservesValues(@ForAll @IntRange(min = 0, max = 3) int a,
      @ForAll @IntRange(min = 0, max = 3) int b, @ForAll @IntRange(min = -5, max = 9) int x,
      @ForAll @IntRange(min = -5, max = 9) int y, @ForAll @IntRange(min = 1, max = 5) int k) {
    List<Value> pool = List.of(i, j, n);
    Map<Value, Long> env = new IdentityHashMap<>(Map.of(i, (long) x, j, (long) y, n, 7L));
    List<Value> operands = List.of(pool.get(a % 3), pool.get(b % 3), pool.get((a + b) % 3),
        n);
    AffineMap map = AffineMap.of(3, 1,
        AffineExpr.dim(0).times(k)
            .plus(AffineExpr.floorDiv(AffineExpr.dim(2), AffineExpr.constant(k))),
        AffineExpr.mod(AffineExpr.dim(1).plus(AffineExpr.symbol(0)), AffineExpr.constant(k + 1)),
        AffineExpr.constant(a));
    AffineApplication before = new AffineApplication(map, operands);
    AffineApplication after = before.canonicalize();
    assertArrayEquals(before.map().evaluate(values(before.operands(), env)),
        after.map().evaluate(values(after.operands(), env)));
  }

  private static long[] values(List<Value> operands, Map<Value, Long> env) {
    return operands.stream().mapToLong(env::get).toArray();
  }
}
