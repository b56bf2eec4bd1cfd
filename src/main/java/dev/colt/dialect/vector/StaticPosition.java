// The static_position attribute of vector.extract and vector.insert.
package dev.colt.dialect.vector;

import dev.colt.ir.Attribute.DenseArrayAttr;
import dev.colt.ir.IntegerType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.VectorType;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import java.util.ArrayList;
import java.util.List;

/** Constant positions into the leading dimensions of a vector ({@code [3]}, {@code [1, 2]}). */
final class StaticPosition {
  static final String ATTR = "static_position";

  private StaticPosition() {}

  static DenseArrayAttr attr(List<Long> position) {
    return new DenseArrayAttr(IntegerType.I64, position);
  }

  /** The positions, or null when the attribute is missing. */
  static List<Long> of(Operation op) {
    return op.attr(ATTR) instanceof DenseArrayAttr a ? a.values() : null;
  }

  /**
   * The type at {@code position} inside {@code v}: the element type when every dimension is
   * indexed, else a vector of the remaining trailing dimensions.
   */
  static Type typeAt(VectorType v, int positions) {
    if (positions >= v.rank()) {
      return v.elementType();
    }
    return new VectorType(v.shape().subList(positions, v.rank()), v.elementType());
  }

  /** Checks count and range of the positions into {@code v}; reports and returns false. */
  static boolean verify(Operation op, VectorType v, VerificationSink sink) {
    List<Long> pos = of(op);
    String n = "'" + op.name() + "' op ";
    if (pos == null) {
      sink.error(op, n + "requires attribute 'static_position'");
      return false;
    }
    if (pos.size() > v.rank()) {
      sink.error(op, n + "expected position attribute of rank no greater than vector rank");
      return false;
    }
    for (int i = 0; i < pos.size(); i++) {
      if (pos.get(i) < 0 || pos.get(i) >= v.shape().get(i)) {
        sink.error(op, n + "expected position attribute #" + (i + 1)
            + " to be a non-negative integer smaller than the corresponding vector dimension");
        return false;
      }
    }
    return true;
  }

  /** Row-major linear index of the first element at {@code pos} in {@code v}. */
  static int linearOffset(VectorType v, List<Long> pos) {
    long offset = 0;
    for (int i = 0; i < v.rank(); i++) {
      offset = offset * v.shape().get(i) + (i < pos.size() ? pos.get(i) : 0);
    }
    return (int) offset;
  }

  static void print(OpPrinter p, List<Long> pos) {
    p.print("[");
    for (int i = 0; i < pos.size(); i++) {
      p.print((i > 0 ? ", " : "") + pos.get(i));
    }
    p.print("]");
  }

  static List<Long> parse(OpParser p) {
    p.parsePunct("[");
    List<Long> pos = new ArrayList<>();
    if (!p.parseOptionalPunct("]")) {
      do {
        pos.add(p.parseInteger());
      } while (p.parseOptionalPunct(","));
      p.parsePunct("]");
    }
    return pos;
  }
}
