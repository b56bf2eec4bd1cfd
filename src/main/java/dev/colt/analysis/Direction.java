// One entry of a dependence direction vector: the source iteration before, equal to, or after the sink's.
package dev.colt.analysis;

/** Direction of a dependence at one loop level: source iteration {@code <}, {@code =}, {@code >} sink. */
public enum Direction {
  LT("<"), EQ("="), GT(">");

  public final String symbol;

  Direction(String symbol) {
    this.symbol = symbol;
  }

  public Direction reversed() {
    return switch (this) {
      case LT -> GT;
      case EQ -> EQ;
      case GT -> LT;
    };
  }
}
