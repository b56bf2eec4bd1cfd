// Shared pieces of the memref op definitions: error wording, attribute dictionaries, checks.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers used by several memref ops; not part of the dialect's API. */
final class MemRefSupport {
  private MemRefSupport() {
  }

  /** Reports {@code message} the way MLIR words op errors: {@code 'memref.load' op ...}. */
  static void error(VerificationSink sink, Operation op, String message) {
    sink.error(op, "'" + op.name() + "' op " + message);
  }

  /**
   * Prints {@code " {k = v}"} for the attributes not elided; nothing when none remain (the printer
   * writes the leading space, as MLIR's printOptionalAttrDict does).
   */
  static void printAttrDict(OpPrinter printer, Operation op, Collection<String> elided) {
    printer.printOptionalAttrDict(op.attributes(), elided);
  }

  /** Checks operand/result counts; reports and returns false when they differ. */
  static boolean checkCounts(Operation op, int operands, int results, VerificationSink sink) {
    if (op.operands().size() != operands) {
      error(sink, op, "expected " + operands + " operands, got " + op.operands().size());
      return false;
    }
    if (op.results().size() != results) {
      error(sink, op, "expected " + results + " results, got " + op.results().size());
      return false;
    }
    return true;
  }

  /** Reports unless {@code v} has a memref type; returns the type or null. */
  static MemRefType memrefOperand(Operation op, int index, VerificationSink sink) {
    if (op.operand(index).type() instanceof MemRefType t) {
      return t;
    }
    error(sink, op, "operand #" + index + " must be a memref, but got '" + op.operand(index).type()
        + "'");
    return null;
  }

  /** Reports the first non-index operand from {@code from} on; true when all are index-typed. */
  static boolean checkIndexOperands(Operation op, int from, VerificationSink sink) {
    for (int i = from; i < op.operands().size(); i++) {
      if (!op.operand(i).type().isIndex()) {
        error(sink, op, "operand #" + i + " must be variadic of index, but got '"
            + op.operand(i).type() + "'");
        return false;
      }
    }
    return true;
  }

  /** Fails with IllegalArgumentException unless every value is index-typed (for builders). */
  static void requireIndices(List<Value> values, String what) {
    for (Value v : values) {
      if (!v.type().isIndex()) {
        throw new IllegalArgumentException(what + ": index operand of type " + v.type());
      }
    }
  }

  /** Fails with IllegalArgumentException unless {@code v} is a memref (for builders). */
  static MemRefType requireMemRef(Value v, String what) {
    if (v.type() instanceof MemRefType t) {
      return t;
    }
    throw new IllegalArgumentException(what + ": not a memref: " + v.type());
  }

  /** Parses a type that must be a memref. */
  static MemRefType parseMemRefType(OpParser parser) {
    Location loc = parser.location();
    Type t = parser.parseType();
    if (t instanceof MemRefType m) {
      return m;
    }
    throw parser.error(loc, "expected a memref type, got " + t);
  }

  /** Parses {@code %a, %b} inside {@code open}/{@code close} and resolves them as index values. */
  static List<Value> parseIndexList(OpParser parser, String open, String close) {
    parser.parsePunct(open);
    List<OpParser.UnresolvedOperand> refs = parser.parseOperandList();
    parser.parsePunct(close);
    List<Value> out = new ArrayList<>();
    for (OpParser.UnresolvedOperand r : refs) {
      out.add(parser.resolveOperand(r, dev.colt.ir.IndexType.INSTANCE));
    }
    return out;
  }

  /** {@code a ++ b}. */
  static List<Value> concat(List<Value> a, List<Value> b) {
    List<Value> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static Location loc(Location location) {
    return location == null ? Location.UNKNOWN : location;
  }

  /** Merges parsed extra attributes into {@code attrs}. */
  static Map<String, Attribute> with(Map<String, Attribute> attrs, Map<String, Attribute> extra) {
    Map<String, Attribute> all = new TreeMap<>(extra);
    all.putAll(attrs);
    return all;
  }

  /** True when two memref types have the same element type and rank and agree on static dims. */
  static boolean castCompatible(MemRefType a, MemRefType b) {
    if (!a.elementType().equals(b.elementType()) || a.rank() != b.rank()) {
      return false;
    }
    for (int i = 0; i < a.rank(); i++) {
      long x = a.shape().get(i);
      long y = b.shape().get(i);
      if (x != dev.colt.ir.ShapedType.DYNAMIC && y != dev.colt.ir.ShapedType.DYNAMIC && x != y) {
        return false;
      }
    }
    return true;
  }
}
