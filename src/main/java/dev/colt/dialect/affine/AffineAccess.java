// Common verification and text of affine.load/store and their vector forms.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.IndexType;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpContext;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import java.util.List;
import java.util.Set;

/**
 * The shared parts of the four affine memory ops; {@code memrefIndex} is 0 for loads, 1 for
 * stores.
 */
final class AffineAccess {
  static final String MAP = "map";

  private AffineAccess() {
  }

  static Value memref(Operation op, int memrefIndex) {
    return op.operand(memrefIndex);
  }

  static List<Value> indices(Operation op, int memrefIndex) {
    return op.operands().subList(memrefIndex + 1, op.operands().size());
  }

  /**
   * MLIR's verifyMemoryOpIndexing: the map yields one subscript per memref dimension, takes one
   * operand per index, and every index is index-typed. Returns the memref type, or null after
   * reporting a problem that makes further checks meaningless.
   */
  static MemRefType verifyIndexing(Operation op, int memrefIndex, String indexWord,
      VerificationSink sink) {
    if (op.operands().size() <= memrefIndex) {
      AffineSupport.error(sink, op, "expects at least " + (memrefIndex + 1) + " operands");
      return null;
    }
    if (!(memref(op, memrefIndex).type() instanceof MemRefType memrefType)) {
      AffineSupport.error(sink, op, "operand #" + memrefIndex + " must be a memref, got "
          + memref(op, memrefIndex).type());
      return null;
    }
    AffineMap map = AffineSupport.requireMap(op, MAP, sink);
    if (map == null) {
      return null;
    }
    if (map.numResults() != memrefType.rank()) {
      AffineSupport.error(sink, op, "affine map num results must equal memref rank");
      return null;
    }
    List<Value> indices = indices(op, memrefIndex);
    if (map.numInputs() != indices.size()) {
      AffineSupport.error(sink, op, "expects as many subscripts as affine map inputs");
      return null;
    }
    if (!AffineSupport.checkIndexTyped(op, indices, "index to " + indexWord
        + " must have 'index' type", sink)) {
      return null;
    }
    return memrefType;
  }

  /**
   * The dim/symbol rule for subscripts, as MLIR 22 checks it: map operands in dim positions must
   * be valid dims, those in symbol positions valid symbols. Skipped when the indexing itself is
   * malformed (reported by {@link #verifyIndexing}).
   */
  static void verifyIndicesInContext(Operation op, int memrefIndex, OpContext context,
      VerificationSink sink) {
    if (op.operands().size() <= memrefIndex || !(op.attr(MAP) instanceof Attribute.AffineMapAttr m)
        || m.map().numInputs() != op.operands().size() - memrefIndex - 1) {
      return;
    }
    List<Value> indices = indices(op, memrefIndex);
    if (indices.stream().allMatch(v -> v.type().isIndex())) {
      AffineForOp.checkDimsAndSymbols(op, indices, m.map().numDims(), new AffineValidity(context),
          sink);
    }
  }

  /** Prints {@code %A[%i + 1, %j]} and the attributes other than the map. */
  static void printAccess(Operation op, int memrefIndex, OpPrinter printer) {
    printer.printOperand(memref(op, memrefIndex)).print("[");
    printer.printAffineMapOfSsaIds(AffineSupport.map(op, MAP), indices(op, memrefIndex));
    printer.print("]");
    AffineSupport.printAttrDict(printer, op, Set.of(MAP));
  }

  /** A parsed {@code %A[subscripts] {attrs} : memref<..>}; the memref is resolved. */
  record ParsedAccess(Value memref, AffineMap map, List<Value> indices,
      java.util.Map<String, Attribute> attrs, MemRefType memrefType) {}

  /** Parses {@code %A[subscripts] {attrs} : memref<..>}, leaving what follows the type. */
  static ParsedAccess parseAccess(OpParser parser) {
    OpParser.UnresolvedOperand memrefRef = parser.parseOperand();
    OpParser.MapWithOperands subscripts = parser.parseAffineMapOfSsaIds("[", "]");
    java.util.Map<String, Attribute> attrs = parser.parseOptionalAttrDict();
    parser.parsePunct(":");
    dev.colt.ir.Location typeLoc = parser.location();
    Type type = parser.parseType();
    if (!(type instanceof MemRefType memrefType)) {
      throw parser.error(typeLoc, "expected a memref type, got " + type);
    }
    Value memref = parser.resolveOperand(memrefRef, memrefType);
    return new ParsedAccess(memref, subscripts.map(), subscripts.operands(), attrs, memrefType);
  }

  /** Checks that every index is an index value (for builders). */
  static void checkIndexOperands(List<Value> indices, String what) {
    for (Value v : indices) {
      if (!v.type().equals(IndexType.INSTANCE)) {
        throw new IllegalArgumentException(what + ": subscript operand of type " + v.type());
      }
    }
  }

  /** {@code memref} must be a memref whose rank is the map's result count (for builders). */
  static MemRefType checkMemref(Value memref, AffineMap map, List<Value> indices, String what) {
    if (!(memref.type() instanceof MemRefType t)) {
      throw new IllegalArgumentException(what + ": not a memref: " + memref.type());
    }
    if (map.numResults() != t.rank()) {
      throw new IllegalArgumentException(what + ": map " + map + " has " + map.numResults()
          + " results for a rank-" + t.rank() + " memref");
    }
    AffineSupport.checkArity(map, indices, what);
    checkIndexOperands(indices, what);
    return t;
  }
}
