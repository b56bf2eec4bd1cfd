// Unit and property tests for affine expression construction, simplification and evaluation.
package dev.colt.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.AffineExpr.Binary;
import dev.colt.ir.AffineExpr.Kind;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AffineExprTest {
  private static final AffineExpr D0 = AffineExpr.dim(0);
  private static final AffineExpr D1 = AffineExpr.dim(1);
  private static final AffineExpr S0 = AffineExpr.symbol(0);

  @Test
  void additionIsCanonicalAndFoldsConstants() {
    assertEquals(AffineExpr.add(D0, D1), AffineExpr.add(D1, D0));
    assertEquals("d0 + d1 + 3", D1.plus(1).plus(D0).plus(2).toString());
    assertEquals("d0", D0.plus(5).plus(-5).toString());
    assertEquals("0", D0.minus(D0).toString());
  }

  @Test
  void printsSubtractionAndNegationLikeMlir() {
    assertEquals("d0 - d1 * 2", D0.minus(D1.times(2)).toString());
    assertEquals("d0 - 1", D0.plus(-1).toString());
    assertEquals("-d0 + 62", D0.times(-1).plus(62).toString());
    assertEquals("d0 - d1", D0.minus(D1).toString());
    assertEquals("(d0 + 1) floordiv 4", AffineExpr.floorDiv(D0.plus(1), AffineExpr.constant(4))
        .toString());
    assertEquals("d0 * 4 + s0", D0.times(4).plus(S0).toString());
  }

  @Test
  void divisionAndModulusPullOutDivisibleTerms() {
    AffineExpr four = AffineExpr.constant(4);
    assertEquals("d0 + d1 floordiv 4", AffineExpr.floorDiv(D0.times(4).plus(D1), four)
        .toString());
    assertEquals("d1 mod 4", AffineExpr.mod(D0.times(8).plus(D1), four).toString());
    assertEquals("0", AffineExpr.mod(D0.times(8), four).toString());
    assertEquals("d0 floordiv 8", AffineExpr.floorDiv(AffineExpr.floorDiv(D0,
        AffineExpr.constant(2)), four).toString());
    assertEquals("d0 * 2 + 1", AffineExpr.ceilDiv(D0.times(8).plus(1), four).toString());
  }

  @Test
  void evaluationUsesFloorSemantics() {
    long[] dims = {-7, 3};
    assertEquals(-2, AffineExpr.floorDiv(D0, AffineExpr.constant(4)).evaluate(dims, new long[0]));
    assertEquals(-1, AffineExpr.ceilDiv(D0, AffineExpr.constant(4)).evaluate(dims, new long[0]));
    assertEquals(1, AffineExpr.mod(D0, AffineExpr.constant(4)).evaluate(dims, new long[0]));
  }

  @Test
  void pureAffineRejectsProductsOfDims() {
    assertTrue(D0.times(3).plus(S0).isPureAffine());
    assertFalse(AffineExpr.mul(D0, D1).isPureAffine());
    assertFalse(new Binary(Kind.MOD, D0, D1).isPureAffine());
  }

  @Test
  void mapsCheckRangesAndCompose() {
    assertThrows(IllegalArgumentException.class, () -> AffineMap.of(1, 0, D1));
    AffineMap outer = AffineMap.of(2, 0, D0.plus(D1));
    AffineMap inner = AffineMap.of(1, 1, D0.times(2), S0);
    AffineMap composed = outer.compose(inner);
    assertEquals("(d0)[s0] -> (d0 * 2 + s0)", composed.toString());
    assertTrue(AffineMap.identity(3).isIdentity());
    assertEquals("(d0, d1)[s0] -> (d0, s0)", AffineMap.of(2, 1, D0, S0).toString());
  }

  @Test
  void integerSetsEvaluateConstraints() {
    IntegerSet set = new IntegerSet(1, 1, List.of(D0.plus(-1), S0.minus(D0)),
        List.of(false, false));
    assertTrue(set.contains(new long[] {1}, new long[] {5}));
    assertFalse(set.contains(new long[] {0}, new long[] {5}));
    assertFalse(set.contains(new long[] {6}, new long[] {5}));
    assertEquals("(d0)[s0] : (d0 - 1 >= 0, -d0 + s0 >= 0)", set.toString());
  }

  /** Builds raw (unsimplified) trees so the simplifier is exercised on arbitrary shapes. */
  @Provide
  Arbitrary<AffineExpr> rawExprs() {
    return rawExpr(4);
  }

  private Arbitrary<AffineExpr> rawExpr(int depth) {
    Arbitrary<AffineExpr> leaf = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 2).map(AffineExpr::dim),
        Arbitraries.integers().between(0, 1).map(AffineExpr::symbol),
        Arbitraries.longs().between(-20, 20).map(AffineExpr::constant));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<AffineExpr> sub = Arbitraries.lazy(() -> rawExpr(depth - 1));
    Arbitrary<AffineExpr> add = Combinators.combine(sub, sub)
        .as((a, b) -> new Binary(Kind.ADD, a, b));
    Arbitrary<AffineExpr> scale = Combinators.combine(sub, Arbitraries.longs().between(-5, 5))
        .as((a, c) -> new Binary(Kind.MUL, a, AffineExpr.constant(c)));
    Arbitrary<AffineExpr> div = Combinators.combine(sub, Arbitraries.longs().between(1, 9),
        Arbitraries.of(Kind.FLOORDIV, Kind.CEILDIV, Kind.MOD))
        .as((a, c, k) -> new Binary(k, a, AffineExpr.constant(c)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(3, add),
        net.jqwik.api.Tuple.of(2, scale), net.jqwik.api.Tuple.of(2, div));
  }

  @Property(tries = 500)
  void simplificationPreservesValues(@ForAll("rawExprs") AffineExpr e,
      @ForAll("points") long[] point) {
    long[] dims = {point[0], point[1], point[2]};
    long[] syms = {point[3], point[4]};
    assertEquals(e.evaluate(dims, syms), e.simplify().evaluate(dims, syms), e.toString());
  }

  @Property(tries = 300)
  void simplificationIsIdempotent(@ForAll("rawExprs") AffineExpr e) {
    AffineExpr once = e.simplify();
    assertEquals(once, once.simplify());
  }

  @Provide
  Arbitrary<long[]> points() {
    return Arbitraries.longs().between(-50, 50).array(long[].class).ofSize(5);
  }
}
