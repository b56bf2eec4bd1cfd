// Shared pieces of the affine op definitions: attribute access, common checks, text helpers.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
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

/** Helpers used by several affine ops; not part of the dialect's API. */
final class AffineSupport {
  private AffineSupport() {
  }

  /** Reports {@code message} the way MLIR words op errors: {@code 'affine.load' op ...}. */
  static void error(VerificationSink sink, Operation op, String message) {
    sink.error(op, "'" + op.name() + "' op " + message);
  }

  /** The affine map stored under {@code key}; fails with IllegalStateException when absent. */
  static AffineMap map(Operation op, String key) {
    if (op.attr(key) instanceof Attribute.AffineMapAttr m) {
      return m.map();
    }
    throw new IllegalStateException(op.name() + " has no affine map attribute '" + key + "'");
  }

  /**
   * Checks that {@code key} holds an affine map; reports {@code requires attribute 'key'} and
   * returns null otherwise.
   */
  static AffineMap requireMap(Operation op, String key, VerificationSink sink) {
    if (op.attr(key) instanceof Attribute.AffineMapAttr m) {
      return m.map();
    }
    error(sink, op, "requires attribute '" + key + "' to be an affine map");
    return null;
  }

  /** Reports the first non-index value of {@code values}; true when all are index-typed. */
  static boolean checkIndexTyped(Operation op, List<Value> values, String message,
      VerificationSink sink) {
    for (Value v : values) {
      if (!v.type().isIndex()) {
        error(sink, op, message);
        return false;
      }
    }
    return true;
  }

  /** {@code a ++ b}. */
  static List<Value> concat(List<Value> a, List<Value> b) {
    List<Value> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }

  /** {@code {"map": map}} plus {@code extra}, for builders. */
  static Map<String, Attribute> mapAttrs(String key, AffineMap map) {
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(key, new Attribute.AffineMapAttr(map));
    return attrs;
  }

  /** Fails with IllegalArgumentException when {@code operands} do not fit {@code map}'s inputs. */
  static void checkArity(AffineMap map, List<Value> operands, String what) {
    if (map.numInputs() != operands.size()) {
      throw new IllegalArgumentException(what + ": map " + map + " takes " + map.numInputs()
          + " operands, got " + operands.size());
    }
  }

  /**
   * Prints {@code " {k = v}"} for the attributes not elided; nothing when none remain (the printer
   * writes the leading space, as MLIR's printOptionalAttrDict does).
   */
  static void printAttrDict(OpPrinter printer, Operation op, Collection<String> elided) {
    printer.printOptionalAttrDict(op.attributes(), elided);
  }

  /** Prints {@code (%d0, %d1)[%s0]}: dims in parentheses, symbols in brackets when any. */
  static void printDimAndSymbolList(OpPrinter printer, List<Value> operands, int numDims) {
    printer.print("(").printOperands(operands.subList(0, numDims)).print(")");
    if (operands.size() > numDims) {
      printer.print("[").printOperands(operands.subList(numDims, operands.size())).print("]");
    }
  }

  /** Parses {@code (%d..)} and an optional {@code [%s..]} as index values: dims ++ symbols. */
  static List<Value> parseDimAndSymbolList(OpParser parser, int[] numDimsOut) {
    parser.parsePunct("(");
    List<OpParser.UnresolvedOperand> dims = parser.parseOperandList();
    parser.parsePunct(")");
    List<OpParser.UnresolvedOperand> syms = List.of();
    if (parser.parseOptionalPunct("[")) {
      syms = parser.parseOperandList();
      parser.parsePunct("]");
    }
    numDimsOut[0] = dims.size();
    List<Value> out = new ArrayList<>();
    for (OpParser.UnresolvedOperand u : dims) {
      out.add(parser.resolveOperand(u, dev.colt.ir.IndexType.INSTANCE));
    }
    for (OpParser.UnresolvedOperand u : syms) {
      out.add(parser.resolveOperand(u, dev.colt.ir.IndexType.INSTANCE));
    }
    return out;
  }

  /** Parses an optional {@code -> t} or {@code -> (t1, t2)}; empty when there is no arrow. */
  static List<Type> parseOptionalArrowTypeList(OpParser parser) {
    if (parser.parseOptionalPunct("->")) {
      return parser.parseResultTypes();
    }
    return List.of();
  }

  /** Prints {@code -> t} or {@code -> (t1, t2)}; nothing for no types. */
  static void printOptionalArrowTypeList(OpPrinter printer, List<Type> types) {
    if (types.isEmpty()) {
      return;
    }
    printer.print(" -> ");
    if (types.size() == 1 && !(types.get(0) instanceof dev.colt.ir.FunctionType)) {
      printer.printType(types.get(0));
    } else {
      printer.print("(").printTypes(types).print(")");
    }
  }

  /** The location to store in a parsed op. */
  static Location loc(Location location) {
    return location == null ? Location.UNKNOWN : location;
  }
}
