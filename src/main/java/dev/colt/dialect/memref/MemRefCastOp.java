// memref.cast: reinterprets a memref as a type with more or fewer static dimensions.
package dev.colt.dialect.memref;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
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

/**
 * {@code %c = memref.cast %A : memref<4xf32> to memref<?xf32>}: same element type and rank; static
 * sizes present in both types must agree.
 */
public final class MemRefCastOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.cast";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  public static Value source(Operation op) {
    return op.operand(0);
  }

  /**
   * Casts {@code source} to {@code type}.
   *
   * @throws IllegalArgumentException when the types are not cast compatible
   */
  public static Operation build(Value source, MemRefType type) {
    MemRefType from = MemRefSupport.requireMemRef(source, NAME);
    if (!MemRefSupport.castCompatible(from, type)) {
      throw new IllegalArgumentException(NAME + ": " + from + " and " + type
          + " are cast incompatible");
    }
    return Operation.create(NAME, List.of(source), List.of(type), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!MemRefSupport.checkCounts(op, 1, 1, sink)) {
      return;
    }
    MemRefType from = MemRefSupport.memrefOperand(op, 0, sink);
    if (from == null) {
      return;
    }
    if (!(op.result().type() instanceof MemRefType to)
        || !MemRefSupport.castCompatible(from, to)) {
      MemRefSupport.error(sink, op, "operand type '" + from + "' and result type '"
          + op.result().type() + "' are cast incompatible");
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(op.operand(0));
    MemRefSupport.printAttrDict(printer, op, Set.of());
    printer.print(" : ").printType(op.operand(0).type()).print(" to ")
        .printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand ref = parser.parseOperand();
    Map<String, Attribute> attrs = parser.parseOptionalAttrDict();
    parser.parsePunct(":");
    MemRefType from = MemRefSupport.parseMemRefType(parser);
    parser.parseKeyword("to");
    MemRefType to = MemRefSupport.parseMemRefType(parser);
    return Operation.create(NAME, List.of(parser.resolveOperand(ref, from)), List.of(to), attrs,
        List.of(), MemRefSupport.loc(location));
  }

  /** mlir-opt's result name ({@code %cast}). */
  @Override
  public String resultNameHint(Operation op) {
    return "cast";
  }
}
