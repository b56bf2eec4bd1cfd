// affine.load: reads one element of a memref at affine subscripts.
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code %0 = affine.load %A[%i + 1, %j] : memref<4x8xf32>}. Layout: operands = memref ++ map
 * operands (dims then symbols); attribute {@code map} with one result per memref dimension; one
 * result of the element type.
 */
public final class AffineLoadOp implements OpDefinition, OpSyntax {
  public static final String NAME = "affine.load";
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

  public static AffineMap map(Operation op) {
    return AffineSupport.map(op, MAP);
  }

  /** The map operands: dims then symbols. */
  public static List<Value> indices(Operation op) {
    return AffineAccess.indices(op, 0);
  }

  /**
   * Loads {@code memref[map(indices)]}.
   *
   * @throws IllegalArgumentException when the memref rank, map and indices do not fit
   */
  public static Operation build(Value memref, AffineMap map, List<Value> indices) {
    MemRefType t = AffineAccess.checkMemref(memref, map, indices, NAME);
    return Operation.create(NAME, AffineSupport.concat(List.of(memref), indices),
        List.of(t.elementType()), AffineSupport.mapAttrs(MAP, map));
  }

  /** Loads {@code memref[indices]} through the identity map. */
  public static Operation build(Value memref, List<Value> indices) {
    return build(memref, AffineMap.identity(indices.size()), indices);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    MemRefType t = AffineAccess.verifyIndexing(op, 0, "load", sink);
    if (t == null) {
      return;
    }
    if (op.results().size() != 1) {
      AffineSupport.error(sink, op, "requires one result");
    } else if (!op.result().type().equals(t.elementType())) {
      AffineSupport.error(sink, op, "result type must match element type of memref");
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
    printer.print(" : ").printType(op.operand(0).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    AffineAccess.ParsedAccess a = AffineAccess.parseAccess(parser);
    Map<String, Attribute> attrs = new TreeMap<>(a.attrs());
    attrs.put(MAP, new Attribute.AffineMapAttr(a.map()));
    return Operation.create(NAME, AffineSupport.concat(List.of(a.memref()), a.indices()),
        List.of(a.memrefType().elementType()), attrs, List.of(), AffineSupport.loc(location));
  }
}
