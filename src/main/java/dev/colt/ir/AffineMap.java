// Affine maps (d0, ..)[s0, ..] -> (exprs): bounds, subscripts and layouts.
package dev.colt.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A map from {@code numDims} dimensions and {@code numSymbols} symbols to a list of affine
 * expressions. Construction fails with IllegalArgumentException when a result mentions a dimension
 * or symbol out of range.
 */
public record AffineMap(int numDims, int numSymbols, List<AffineExpr> results) {
  public AffineMap {
    results = List.copyOf(results);
    if (numDims < 0 || numSymbols < 0) {
      throw new IllegalArgumentException("negative dim or symbol count");
    }
    for (AffineExpr r : results) {
      checkRange(r, numDims, numSymbols);
    }
  }

  static void checkRange(AffineExpr e, int numDims, int numSymbols) {
    switch (e) {
      case AffineExpr.Dim d when d.position() >= numDims ->
          throw new IllegalArgumentException("use of undeclared dimension d" + d.position());
      case AffineExpr.Symbol s when s.position() >= numSymbols ->
          throw new IllegalArgumentException("use of undeclared symbol s" + s.position());
      case AffineExpr.Binary b -> {
        checkRange(b.lhs(), numDims, numSymbols);
        checkRange(b.rhs(), numDims, numSymbols);
      }
      default -> { }
    }
  }

  public static AffineMap of(int numDims, int numSymbols, AffineExpr... results) {
    return new AffineMap(numDims, numSymbols, List.of(results));
  }

  /** {@code (d0, .., d{n-1}) -> (d0, .., d{n-1})}. */
  public static AffineMap identity(int n) {
    return new AffineMap(n, 0, IntStream.range(0, n).mapToObj(AffineExpr::dim).toList());
  }

  /** {@code () -> (c)}. */
  public static AffineMap constant(long c) {
    return new AffineMap(0, 0, List.of(AffineExpr.constant(c)));
  }

  public int numInputs() {
    return numDims + numSymbols;
  }

  public int numResults() {
    return results.size();
  }

  public AffineExpr result(int i) {
    return results.get(i);
  }

  public boolean isIdentity() {
    if (numSymbols != 0 || results.size() != numDims) {
      return false;
    }
    for (int i = 0; i < numDims; i++) {
      if (!(results.get(i) instanceof AffineExpr.Dim d) || d.position() != i) {
        return false;
      }
    }
    return true;
  }

  /** True for a single constant result. */
  public boolean isSingleConstant() {
    return results.size() == 1 && results.get(0) instanceof AffineExpr.Constant;
  }

  /** The constant of a single-constant map; precondition: {@link #isSingleConstant()}. */
  public long singleConstant() {
    return ((AffineExpr.Constant) results.get(0)).value();
  }

  /** True when the map's only result is {@code d0} (or {@code s0} when it has no dims). */
  public boolean isSingleInput() {
    return results.size() == 1 && numInputs() == 1
        && (results.get(0) instanceof AffineExpr.Dim || results.get(0) instanceof AffineExpr.Symbol);
  }

  /** Evaluates every result; see {@link AffineExpr#evaluate}. */
  public long[] evaluate(long[] dims, long[] symbols) {
    long[] out = new long[results.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = results.get(i).evaluate(dims, symbols);
    }
    return out;
  }

  /** Evaluates with operands laid out as dims followed by symbols. */
  public long[] evaluate(long[] operands) {
    long[] dims = java.util.Arrays.copyOfRange(operands, 0, numDims);
    long[] syms = java.util.Arrays.copyOfRange(operands, numDims, numDims + numSymbols);
    return evaluate(dims, syms);
  }

  /** Substitutes dims and symbols by expressions over a new space of the given sizes. */
  public AffineMap replace(List<AffineExpr> dims, List<AffineExpr> symbols, int newDims,
      int newSymbols) {
    return new AffineMap(newDims, newSymbols,
        results.stream().map(r -> r.replace(dims, symbols)).toList());
  }

  /** {@code this} applied after {@code inner}: results of inner feed this map's dims. */
  public AffineMap compose(AffineMap inner) {
    if (inner.numResults() != numDims) {
      throw new IllegalArgumentException("compose: " + inner.numResults() + " results feed "
          + numDims + " dims");
    }
    List<AffineExpr> syms = new ArrayList<>();
    for (int j = 0; j < numSymbols; j++) {
      syms.add(AffineExpr.symbol(inner.numSymbols() + j));
    }
    return new AffineMap(inner.numDims(), inner.numSymbols() + numSymbols,
        results.stream().map(r -> r.replace(inner.results(), syms)).toList());
  }

  /** The map keeping only result {@code i}. */
  public AffineMap subMap(int i) {
    return new AffineMap(numDims, numSymbols, List.of(results.get(i)));
  }

  /** Each result re-simplified. */
  public AffineMap simplify() {
    return new AffineMap(numDims, numSymbols, results.stream().map(AffineExpr::simplify).toList());
  }

  /** The {@code (d0, d1)[s0]} header shared by maps and integer sets. */
  static String header(int numDims, int numSymbols) {
    String dims = IntStream.range(0, numDims).mapToObj(i -> "d" + i)
        .collect(Collectors.joining(", ", "(", ")"));
    if (numSymbols == 0) {
      return dims;
    }
    return dims + IntStream.range(0, numSymbols).mapToObj(i -> "s" + i)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public String toString() {
    return AffineExprFormatter.format(this);
  }
}
