// affine.vector_store: writes a vector to contiguous elements of a memref at affine subscripts.
package dev.colt.dialect.affine;

import dev.colt.ir.AffineMap;
import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpContext;
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
 * {@code affine.vector_store %v, %A[%i, %j] : memref<4x8xf32>, vector<8xf32>}. Layout as
 * affine.store with a vector value whose element type is the memref's.
 */
public final class AffineVectorStoreOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.vector_store";
  public static final String MAP = AffineAccess.MAP;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.WRITES_MEMORY);
  }

  public static Value value(Operation op) {
    return op.operand(0);
  }

  public static VectorType vectorType(Operation op) {
    return (VectorType) op.operand(0).type();
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
   * Stores vector {@code value} to {@code memref[map(indices)]}.
   *
   * @throws IllegalArgumentException when the memref, map, indices or element types do not fit
   */
  public static Operation build(Value value, Value memref, AffineMap map, List<Value> indices) {
    MemRefType t = AffineAccess.checkMemref(memref, map, indices, NAME);
    if (!(value.type() instanceof VectorType v) || !v.elementType().equals(t.elementType())) {
      throw new IllegalArgumentException(NAME + ": storing " + value.type() + " into " + t);
    }
    List<Value> operands = new ArrayList<>(List.of(value, memref));
    operands.addAll(indices);
    return Operation.create(NAME, operands, List.of(), AffineSupport.mapAttrs(MAP, map));
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
    if (!(op.operand(0).type() instanceof VectorType v)) {
      AffineSupport.error(sink, op, "operand #0 must be a vector, got " + op.operand(0).type());
      return;
    }
    if (!v.elementType().equals(t.elementType())) {
      AffineSupport.error(sink, op, "requires memref and vector types of the same elemental type");
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
    printer.print(" : ").printType(op.operand(1).type()).print(", ")
        .printType(op.operand(0).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand valueRef = parser.parseOperand();
    parser.parsePunct(",");
    AffineAccess.ParsedAccess a = AffineAccess.parseAccess(parser);
    parser.parsePunct(",");
    Location typeLoc = parser.location();
    Type type = parser.parseType();
    if (!(type instanceof VectorType)) {
      throw parser.error(typeLoc, "expected a vector type, got " + type);
    }
    Value value = parser.resolveOperand(valueRef, type);
    Map<String, Attribute> attrs = new TreeMap<>(a.attrs());
    attrs.put(MAP, new Attribute.AffineMapAttr(a.map()));
    List<Value> operands = new ArrayList<>(List.of(value, a.memref()));
    operands.addAll(a.indices());
    return Operation.create(NAME, operands, List.of(), attrs, List.of(),
        AffineSupport.loc(location));
  }
}
