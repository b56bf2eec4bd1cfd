// Integer sets (d..)[s..] : (e >= 0, e == 0, ..): the conditions of affine.if.
package dev.colt.ir;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A conjunction of affine constraints {@code expr >= 0} or {@code expr == 0}. {@code equalities}
 * has one flag per constraint. Fails with IllegalArgumentException on out-of-range dims/symbols or
 * mismatched lists.
 */
public record IntegerSet(int numDims, int numSymbols, List<AffineExpr> constraints,
    List<Boolean> equalities) {
  public IntegerSet {
    constraints = List.copyOf(constraints);
    equalities = List.copyOf(equalities);
    if (constraints.size() != equalities.size()) {
      throw new IllegalArgumentException("constraint and equality flag counts differ");
    }
    for (AffineExpr c : constraints) {
      AffineMap.checkRange(c, numDims, numSymbols);
    }
  }

  public int numInputs() {
    return numDims + numSymbols;
  }

  /** True when every constraint holds for the given values. */
  public boolean contains(long[] dims, long[] symbols) {
    for (int i = 0; i < constraints.size(); i++) {
      long v = constraints.get(i).evaluate(dims, symbols);
      if (equalities.get(i) ? v != 0 : v < 0) {
        return false;
      }
    }
    return true;
  }

  /** Same as {@link #contains(long[], long[])} with operands laid out as dims then symbols. */
  public boolean contains(long[] operands) {
    return contains(java.util.Arrays.copyOfRange(operands, 0, numDims),
        java.util.Arrays.copyOfRange(operands, numDims, numDims + numSymbols));
  }

  @Override
  public String toString() {
    String body = IntStream.range(0, constraints.size())
        .mapToObj(i -> constraints.get(i) + (equalities.get(i) ? " == 0" : " >= 0"))
        .collect(Collectors.joining(", ", "(", ")"));
    if (constraints.isEmpty()) {
      body = "(0 == 0)";
    }
    return AffineMap.header(numDims, numSymbols) + " : " + body;
  }
}
