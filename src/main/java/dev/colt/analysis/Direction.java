// One entry of a dependence direction vector: the source iteration before, equal to, or after the sink's.
package dev.colt.analysis;

/**
 * Direction of a dependence at one loop level: source iteration {@code <}, {@code =}, {@code >}
 * sink, or {@code *} when all three are possible (used for loops the subscripts do not constrain,
 * and only after a vector's carrier level).
 */
public enum Direction {
  LT("<"), EQ("="), GT(">"), ANY("*");

  public final String symbol;

  Direction(String symbol) {
    this.symbol = symbol;
  }

  public Direction reversed() {
    return switch (this) {
      case LT -> GT;
      case EQ -> EQ;
      case GT -> LT;
      case ANY -> ANY;
    };
  }

  /** True when this entry admits {@code d} ({@code *} admits all). */
  public boolean admits(Direction d) {
    return this == d || this == ANY;
  }
}
