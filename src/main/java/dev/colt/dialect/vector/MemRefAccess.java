// Shared checks and text for vector ops that address a memref with index operands.
package dev.colt.dialect.vector;

import dev.colt.ir.IndexType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers for {@code %base[%i, %j]} operands of vector memory ops. */
final class MemRefAccess {
  private MemRefAccess() {}

  /**
   * Checks that {@code base} is a memref addressed by exactly its rank of index-typed
   * {@code indices}; reports and returns false otherwise.
   */
  static boolean verify(Operation op, Value base, List<Value> indices, VerificationSink sink) {
    if (!(base.type() instanceof MemRefType m)) {
      sink.error(op, "'" + op.name() + "' op base operand must be a memref, but got '"
          + base.type() + "'");
      return false;
    }
    if (indices.size() != m.rank()) {
      sink.error(op, "'" + op.name() + "' op requires " + m.rank() + " indices, but found "
          + indices.size());
      return false;
    }
    for (Value i : indices) {
      if (!i.type().isIndex()) {
        sink.error(op, "'" + op.name() + "' op index operands must be of type index, but got '"
            + i.type() + "'");
        return false;
      }
    }
    return true;
  }

  /** Prints {@code %base[%i, %j]}. */
  static void print(OpPrinter p, Value base, List<Value> indices) {
    p.printOperand(base).print("[").printOperands(indices).print("]");
  }

  /** Parses {@code [%i, %j]} after the base operand. */
  static List<OpParser.UnresolvedOperand> parseIndices(OpParser p) {
    p.parsePunct("[");
    List<OpParser.UnresolvedOperand> indices = p.parseOperandList();
    p.parsePunct("]");
    return indices;
  }

  /** Resolves index operands as {@code index} values. */
  static List<Value> resolveIndices(OpParser p, List<OpParser.UnresolvedOperand> indices) {
    List<Type> types = new ArrayList<>(Collections.nCopies(indices.size(), IndexType.INSTANCE));
    return p.resolveOperands(indices, types);
  }

  /** The memref type, or a located error naming what was found instead. */
  static MemRefType expectMemRef(OpParser p, Type t, dev.colt.ir.Location at) {
    if (t instanceof MemRefType m) {
      return m;
    }
    throw p.error(at, "expected a memref type, but got '" + t + "'");
  }
}
