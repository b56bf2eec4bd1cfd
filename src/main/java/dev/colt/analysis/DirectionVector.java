// A fully refined dependence direction vector over the loops common to two accesses.
package dev.colt.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One direction per common loop, outermost first; {@code (<, =)} prints as {@code "<="}. Vectors
 * produced by the analysis are fully refined up to their carrier level; later entries may be
 * {@code *}.
 */
public record DirectionVector(List<Direction> directions) {
  public DirectionVector {
    directions = List.copyOf(directions);
  }

  public static DirectionVector parse(String s) {
    List<Direction> d = new ArrayList<>();
    for (char c : s.toCharArray()) {
      d.add(switch (c) {
        case '<' -> Direction.LT;
        case '=' -> Direction.EQ;
        case '>' -> Direction.GT;
        case '*' -> Direction.ANY;
        default -> throw new IllegalArgumentException("bad direction '" + c + "'");
      });
    }
    return new DirectionVector(d);
  }

  public int size() {
    return directions.size();
  }

  public Direction get(int i) {
    return directions.get(i);
  }

  /** The first level that is not {@code =}, or -1 when all are equal (loop-independent). */
  public int carrierLevel() {
    for (int i = 0; i < directions.size(); i++) {
      if (directions.get(i) != Direction.EQ) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True when the vector may be lexicographically negative: some entry admits {@code >} while all
   * entries before it admit {@code =}.
   */
  public boolean mayBeLexNegative() {
    for (Direction d : directions) {
      if (d.admits(Direction.GT)) {
        return true;
      }
      if (!d.admits(Direction.EQ)) {
        return false;
      }
    }
    return false;
  }

  /** True when the first non-{@code =} entry is {@code <}. */
  public boolean isLexPositive() {
    int c = carrierLevel();
    return c >= 0 && directions.get(c) == Direction.LT;
  }

  /** True when the first non-{@code =} entry is {@code >}. */
  public boolean isLexNegative() {
    int c = carrierLevel();
    return c >= 0 && directions.get(c) == Direction.GT;
  }

  public DirectionVector reversed() {
    return new DirectionVector(directions.stream().map(Direction::reversed).toList());
  }

  /** The entries reordered: entry {@code i} of the result is entry {@code order[i]} of this. */
  public DirectionVector permuted(int[] order) {
    List<Direction> d = new ArrayList<>();
    for (int o : order) {
      d.add(directions.get(o));
    }
    return new DirectionVector(d);
  }

  @Override
  public String toString() {
    return directions.stream().map(d -> d.symbol).collect(Collectors.joining());
  }
}
