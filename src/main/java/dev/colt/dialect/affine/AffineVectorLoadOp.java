// affine.vector_load: reads a vector of contiguous elements of a memref at affine subscripts.
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code %v = affine.vector_load %A[%i, %j] : memref<4x8xf32>, vector<8xf32>}. Layout as
 * affine.load, with a vector result whose element type is the memref's; the vector covers
 * consecutive elements along the innermost dimensions starting at the subscripts.
 */
public final class AffineVectorLoadOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.vector_load";
  public static final String MAP = AffineAccess.MAP;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.READS_MEMORY);
  }

  public static Value memref(Operation op) {
    return op.operand(0);
  }

  public static MemRefType memrefType(Operation op) {
    return (MemRefType) op.operand(0).type();
  }

  public static VectorType vectorType(Operation op) {
    return (VectorType) op.result().type();
  }

  public static AffineMap map(Operation op) {
    return AffineSupport.map(op, MAP);
  }

  public static List<Value> indices(Operation op) {
    return AffineAccess.indices(op, 0);
  }

  /**
   * Loads a {@code vectorType} vector from {@code memref[map(indices)]}.
   *
   * @throws IllegalArgumentException when the memref, map, indices or element types do not fit
   */
  public static Operation build(VectorType vectorType, Value memref, AffineMap map,
      List<Value> indices) {
    MemRefType t = AffineAccess.checkMemref(memref, map, indices, NAME);
    if (!vectorType.elementType().equals(t.elementType())) {
      throw new IllegalArgumentException(NAME + ": " + vectorType + " from " + t);
    }
    return Operation.create(NAME, AffineSupport.concat(List.of(memref), indices),
        List.of(vectorType), AffineSupport.mapAttrs(MAP, map));
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    MemRefType t = AffineAccess.verifyIndexing(op, 0, "load", sink);
    if (t == null) {
      return;
    }
    if (op.results().size() != 1 || !(op.result().type() instanceof VectorType v)) {
      AffineSupport.error(sink, op, "requires one vector result");
      return;
    }
    if (!v.elementType().equals(t.elementType())) {
      AffineSupport.error(sink, op, "requires memref and vector types of the same elemental type");
    }
  }

  @Override
  public void verifyInContext(Operation op, OpContext context, VerificationSink sink) {
    AffineAccess.verifyIndicesInContext(op, 0, context, sink);
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ");
    AffineAccess.printAccess(op, 0, printer);
    printer.print(" : ").printType(op.operand(0).type()).print(", ")
        .printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    AffineAccess.ParsedAccess a = AffineAccess.parseAccess(parser);
    parser.parsePunct(",");
    Location typeLoc = parser.location();
    Type type = parser.parseType();
    if (!(type instanceof VectorType)) {
      throw parser.error(typeLoc, "expected a vector type, got " + type);
    }
    Map<String, Attribute> attrs = new TreeMap<>(a.attrs());
    attrs.put(MAP, new Attribute.AffineMapAttr(a.map()));
    return Operation.create(NAME, AffineSupport.concat(List.of(a.memref()), a.indices()),
        List.of(type), attrs, List.of(), AffineSupport.loc(location));
  }
}
