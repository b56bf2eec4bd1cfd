// affine.store: writes one element of a memref at affine subscripts.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpContext;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Value;
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
 * {@code affine.store %v, %A[%i, %j] : memref<4x8xf32>}. Layout: operands = value, memref, map
 * operands (dims then symbols); attribute {@code map}; no results.
 */
public final class AffineStoreOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.store";
  public static final String MAP = AffineAccess.MAP;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.WRITES_MEMORY);
  }

  /** The stored value. */
  public static Value value(Operation op) {
    return op.operand(0);
  }

  public static Value memref(Operation op) {
    return op.operand(1);
  }

  public static MemRefType memrefType(Operation op) {
    return (MemRefType) op.operand(1).type();
  }

  public static AffineMap map(Operation op) {
    return AffineSupport.map(op, MAP);
  }

  public static List<Value> indices(Operation op) {
    return AffineAccess.indices(op, 1);
  }

  /**
   * Stores {@code value} to {@code memref[map(indices)]}.
   *
   * @throws IllegalArgumentException when the memref rank, map, indices or value type do not fit
   */
  public static Operation build(Value value, Value memref, AffineMap map, List<Value> indices) {
    MemRefType t = AffineAccess.checkMemref(memref, map, indices, NAME);
    if (!value.type().equals(t.elementType())) {
      throw new IllegalArgumentException(NAME + ": storing " + value.type() + " into " + t);
    }
    List<Value> operands = new ArrayList<>(List.of(value, memref));
    operands.addAll(indices);
    return Operation.create(NAME, operands, List.of(), AffineSupport.mapAttrs(MAP, map));
  }

  /** Stores {@code value} to {@code memref[indices]} through the identity map. */
  public static Operation build(Value value, Value memref, List<Value> indices) {
    return build(value, memref, AffineMap.identity(indices.size()), indices);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    MemRefType t = AffineAccess.verifyIndexing(op, 1, "store", sink);
    if (t == null) {
      return;
    }
    if (!op.results().isEmpty()) {
      AffineSupport.error(sink, op, "requires zero results");
    }
    if (!op.operand(0).type().equals(t.elementType())) {
      AffineSupport.error(sink, op, "value to store must have the same type as memref element "
          + "type");
    }
  }

  @Override
  public void verifyInContext(Operation op, OpContext context, VerificationSink sink) {
    AffineAccess.verifyIndicesInContext(op, 1, context, sink);
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(op.operand(0)).print(", ");
    AffineAccess.printAccess(op, 1, printer);
    printer.print(" : ").printType(op.operand(1).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand valueRef = parser.parseOperand();
    parser.parsePunct(",");
    AffineAccess.ParsedAccess a = AffineAccess.parseAccess(parser);
    Value value = parser.resolveOperand(valueRef, a.memrefType().elementType());
    Map<String, Attribute> attrs = new TreeMap<>(a.attrs());
    attrs.put(MAP, new Attribute.AffineMapAttr(a.map()));
    List<Value> operands = new ArrayList<>(List.of(value, a.memref()));
    operands.addAll(a.indices());
    return Operation.create(NAME, operands, List.of(), attrs, List.of(),
        AffineSupport.loc(location));
  }
}
