// vector.transfer_read: reads a vector from a memref with a permutation map, padding and masks.
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
 * {@code vector.transfer_read}: operands base memref, one index per memref dimension, the padding
 * value (element type) used for out-of-bounds lanes, and an optional i1 mask; attributes
 * {@code permutation_map}, {@code in_bounds} and {@code operandSegmentSizes} [1, n, 1, 0|1]. Text:
 * {@code %0 = vector.transfer_read %A[%i, %j], %pad {in_bounds = [true]} : memref<?x?xf32>,
 * vector<8xf32>} (a minor identity map and all-false in_bounds are not printed).
 */
public final class TransferReadOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.transfer_read";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.READS_MEMORY);
  }

  /** A read with the minor identity map and no lane known in bounds. */
  public static Operation create(VectorType type, Value base, List<Value> indices,
      Value padding) {
    AffineMap map = TransferSupport.minorIdentity(indices.size(), type.rank());
    return create(type, base, indices, padding, map,
        TransferSupport.noneInBounds(type.rank()), null);
  }

  /**
   * A read with an explicit permutation map, in_bounds flags (one per vector dimension) and an
   * optional mask (null for none); checked by the verifier, not here.
   */
  public static Operation create(VectorType type, Value base, List<Value> indices,
      Value padding, AffineMap permutationMap, List<Boolean> inBounds, Value mask) {
    List<Value> operands = new ArrayList<>();
    operands.add(base);
    operands.addAll(indices);
    operands.add(padding);
    if (mask != null) {
      operands.add(mask);
    }
    Map<String, Attribute> attrs = new TreeMap<>();
    attrs.put(TransferSupport.PERMUTATION_MAP, new AffineMapAttr(permutationMap));
    attrs.put(TransferSupport.IN_BOUNDS, TransferSupport.inBoundsAttr(inBounds));
    attrs.put(TransferSupport.SEGMENTS,
        TransferSupport.segments(1, indices.size(), 1, mask == null ? 0 : 1));
    return Operation.create(NAME, operands, List.of(type), attrs);
  }

  public static Value base(Operation op) {
    return op.operand(0);
  }

  public static List<Value> indices(Operation op) {
    return op.operands().subList(1, 1 + TransferSupport.segment(op, 1));
  }

  public static Value padding(Operation op) {
    return op.operand(1 + TransferSupport.segment(op, 1));
  }

  /** The mask operand, or null. */
  public static Value mask(Operation op) {
    return TransferSupport.segment(op, 3) == 1 ? op.operand(2 + TransferSupport.segment(op, 1))
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
    if (op.results().size() != 1) {
      sink.error(op, "'vector.transfer_read' op requires one result");
      return;
    }
    if (TransferSupport.segmentSizes(op, new long[] {1, -1, 1, -1}, sink) == null
        || !MemRefAccess.verify(op, base(op), indices(op), sink)) {
      return;
    }
    MemRefType m = (MemRefType) base(op).type();
    if (!(op.result().type() instanceof VectorType v)) {
      sink.error(op, "'vector.transfer_read' op result must be a vector, but got '"
          + op.result().type() + "'");
      return;
    }
    if (!m.elementType().equals(v.elementType())) {
      sink.error(op, "'vector.transfer_read' op requires source and vector element types to"
          + " match, got '" + m.elementType() + "' and '" + v.elementType() + "'");
      return;
    }
    if (!padding(op).type().equals(m.elementType())) {
      sink.error(op, "'vector.transfer_read' op requires formal padding and source of the same"
          + " elemental type");
      return;
    }
    TransferSupport.verifyTransfer(op, m, v, mask(op), sink);
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ");
    MemRefAccess.print(p, base(op), indices(op));
    p.print(", ").printOperand(padding(op));
    if (mask(op) != null) {
      p.print(", ").printOperand(mask(op));
    }
    ArithSyntax.printAttrDict(op, p, TransferWriteOp.elidedAttributes(op));
    p.print(" : ").printType(base(op).type()).print(", ").printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand base = p.parseOperand();
    List<OpParser.UnresolvedOperand> indices = MemRefAccess.parseIndices(p);
    p.parsePunct(",");
    OpParser.UnresolvedOperand padding = p.parseOperand();
    OpParser.UnresolvedOperand mask = p.parseOptionalPunct(",") ? p.parseOperand() : null;
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    p.parsePunct(":");
    Location at = p.location();
    Type baseType = p.parseType();
    MemRefType m = MemRefAccess.expectMemRef(p, baseType, at);
    p.parsePunct(",");
    at = p.location();
    Type resultType = p.parseType();
    if (!(resultType instanceof VectorType v)) {
      throw p.error(at, "expected a vector type, but got '" + resultType + "'");
    }
    TransferWriteOp.fillDefaults(attrs, m, v, 1, indices.size(), 1, mask == null ? 0 : 1);
    List<Value> operands = new ArrayList<>();
    operands.add(p.resolveOperand(base, baseType));
    operands.addAll(MemRefAccess.resolveIndices(p, indices));
    operands.add(p.resolveOperand(padding, m.elementType()));
    if (mask != null) {
      if (!(attrs.get(TransferSupport.PERMUTATION_MAP) instanceof AffineMapAttr mapAttr)) {
        throw p.error(location, "'" + NAME + "' expects 'permutation_map' to be an affine map");
      }
      AffineMap map = mapAttr.map();
      operands.add(p.resolveOperand(mask, TransferSupport.maskType(v, map)));
    }
    return Operation.create(NAME, operands, List.of(resultType), attrs, List.of(), location);
  }
}
