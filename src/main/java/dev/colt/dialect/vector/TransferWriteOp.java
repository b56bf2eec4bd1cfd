// vector.transfer_write: writes a vector to a memref with a permutation map and optional mask.
package dev.colt.dialect.vector;

import dev.colt.dialect.arith.ArithSyntax;
import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.AffineMapAttr;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VectorType;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code vector.transfer_write}: operands vector, base memref, one index per memref dimension and
 * an optional i1 mask; no results (memrefs only); attributes {@code permutation_map},
 * {@code in_bounds} and {@code operandSegmentSizes} [1, 1, n, 0|1]. Text:
 * {@code vector.transfer_write %v, %A[%i, %j] {in_bounds = [true]} : vector<8xf32>,
 * memref<?x?xf32>}.
 */
public final class TransferWriteOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.transfer_write";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.WRITES_MEMORY);
  }

  /** A write with the minor identity map and no lane known in bounds. */
  public static Operation create(Value vector, Value base, List<Value> indices) {
    int rank = ((VectorType) vector.type()).rank();
    return create(vector, base, indices, TransferSupport.minorIdentity(indices.size(), rank),
        TransferSupport.noneInBounds(rank), null);
  }

  /**
   * A write with an explicit permutation map, in_bounds flags and an optional mask (null for
   * none); checked by the verifier, not here.
   */
  public static Operation create(Value vector, Value base, List<Value> indices,
      AffineMap permutationMap, List<Boolean> inBounds, Value mask) {
    List<Value> operands = new ArrayList<>();
    operands.add(vector);
    operands.add(base);
    operands.addAll(indices);
    if (mask != null) {
      operands.add(mask);
    }
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(TransferSupport.PERMUTATION_MAP, new AffineMapAttr(permutationMap));
    attrs.put(TransferSupport.IN_BOUNDS, TransferSupport.inBoundsAttr(inBounds));
    attrs.put(TransferSupport.SEGMENTS,
        TransferSupport.segments(1, 1, indices.size(), mask == null ? 0 : 1));
    return Operation.create(NAME, operands, List.of(), attrs);
  }

  public static Value vector(Operation op) {
    return op.operand(0);
  }

  public static Value base(Operation op) {
    return op.operand(1);
  }

  public static List<Value> indices(Operation op) {
    return op.operands().subList(2, 2 + TransferSupport.segment(op, 2));
  }

  /** The mask operand, or null. */
  public static Value mask(Operation op) {
    return TransferSupport.segment(op, 3) == 1 ? op.operand(2 + TransferSupport.segment(op, 2))
        : null;
  }

  public static AffineMap permutationMap(Operation op) {
    return TransferSupport.permutationMap(op);
  }

  public static List<Boolean> inBounds(Operation op) {
    return TransferSupport.inBounds(op);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!op.results().isEmpty()) {
      sink.error(op, "'vector.transfer_write' op has no results when writing to a memref");
      return;
    }
    if (TransferSupport.segmentSizes(op, new long[] {1, 1, -1, -1}, sink) == null
        || !MemRefAccess.verify(op, base(op), indices(op), sink)) {
      return;
    }
    MemRefType m = (MemRefType) base(op).type();
    if (!(vector(op).type() instanceof VectorType v)) {
      sink.error(op, "'vector.transfer_write' op value must be a vector, but got '"
          + vector(op).type() + "'");
      return;
    }
    if (!m.elementType().equals(v.elementType())) {
      sink.error(op, "'vector.transfer_write' op requires source and vector element types to"
          + " match, got '" + m.elementType() + "' and '" + v.elementType() + "'");
      return;
    }
    TransferSupport.verifyTransfer(op, m, v, mask(op), sink);
  }

  /** Attributes the custom form leaves out: segments, a minor identity map, all-false flags. */
  static List<String> elidedAttributes(Operation op) {
    List<String> elided = new ArrayList<>(List.of(TransferSupport.SEGMENTS));
    AffineMap map = TransferSupport.permutationMap(op);
    if (map != null && TransferSupport.isMinorIdentity(map)) {
      elided.add(TransferSupport.PERMUTATION_MAP);
    }
    if (TransferSupport.allOutOfBounds(op)) {
      elided.add(TransferSupport.IN_BOUNDS);
    }
    return elided;
  }

  /** Adds the attributes the custom form may omit: the default map, flags and the segments. */
  static void fillDefaults(Map<String, Attribute> attrs, MemRefType m, VectorType v,
      long... segments) {
    attrs.putIfAbsent(TransferSupport.PERMUTATION_MAP,
        new AffineMapAttr(TransferSupport.minorIdentity(m.rank(), v.rank())));
    attrs.putIfAbsent(TransferSupport.IN_BOUNDS,
        TransferSupport.inBoundsAttr(TransferSupport.noneInBounds(v.rank())));
    attrs.put(TransferSupport.SEGMENTS, TransferSupport.segments(segments));
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperand(vector(op)).print(", ");
    MemRefAccess.print(p, base(op), indices(op));
    if (mask(op) != null) {
      p.print(", ").printOperand(mask(op));
    }
    ArithSyntax.printAttrDict(op, p, elidedAttributes(op));
    p.print(" : ").printType(vector(op).type()).print(", ").printType(base(op).type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand vector = p.parseOperand();
    p.parsePunct(",");
    OpParser.UnresolvedOperand base = p.parseOperand();
    List<OpParser.UnresolvedOperand> indices = MemRefAccess.parseIndices(p);
    OpParser.UnresolvedOperand mask = p.parseOptionalPunct(",") ? p.parseOperand() : null;
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    p.parsePunct(":");
    Location at = p.location();
    Type vectorType = p.parseType();
    if (!(vectorType instanceof VectorType v)) {
      throw p.error(at, "expected a vector type, but got '" + vectorType + "'");
    }
    p.parsePunct(",");
    at = p.location();
    Type baseType = p.parseType();
    MemRefType m = MemRefAccess.expectMemRef(p, baseType, at);
    fillDefaults(attrs, m, v, 1, 1, indices.size(), mask == null ? 0 : 1);
    List<Value> operands = new ArrayList<>();
    operands.add(p.resolveOperand(vector, vectorType));
    operands.add(p.resolveOperand(base, baseType));
    operands.addAll(MemRefAccess.resolveIndices(p, indices));
    if (mask != null) {
      if (!(attrs.get(TransferSupport.PERMUTATION_MAP) instanceof AffineMapAttr mapAttr)) {
        throw p.error(location, "'" + NAME + "' expects 'permutation_map' to be an affine map");
      }
      AffineMap map = mapAttr.map();
      operands.add(p.resolveOperand(mask, TransferSupport.maskType(v, map)));
    }
    return Operation.create(NAME, operands, List.of(), attrs, List.of(), location);
  }
}
