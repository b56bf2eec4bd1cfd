// memref.copy: copies every element of one memref into another of the same shape.
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
 * {@code memref.copy %a, %b : memref<?xf32> to memref<64xf32>}: operands source then target, same
 * element type and rank, static sizes agree; no results.
 */
public final class MemRefCopyOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.copy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.READS_MEMORY, OpTrait.WRITES_MEMORY);
  }

  public static Value source(Operation op) {
    return op.operand(0);
  }

  public static Value target(Operation op) {
    return op.operand(1);
  }

  /**
   * Copies {@code source} into {@code target}.
   *
   * @throws IllegalArgumentException when the two memrefs cannot have the same shape
   */
  public static Operation build(Value source, Value target) {
    MemRefType s = MemRefSupport.requireMemRef(source, NAME);
    MemRefType t = MemRefSupport.requireMemRef(target, NAME);
    if (!MemRefSupport.castCompatible(s, t)) {
      throw new IllegalArgumentException(NAME + ": " + s + " and " + t + " differ in shape");
    }
    return Operation.create(NAME, List.of(source, target), List.of(), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!MemRefSupport.checkCounts(op, 2, 0, sink)) {
      return;
    }
    MemRefType s = MemRefSupport.memrefOperand(op, 0, sink);
    MemRefType t = MemRefSupport.memrefOperand(op, 1, sink);
    if (s != null && t != null && !MemRefSupport.castCompatible(s, t)) {
      MemRefSupport.error(sink, op, "requires source '" + s + "' and target '" + t
          + "' of the same element type and shape");
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(op.operand(0)).print(", ").printOperand(op.operand(1));
    MemRefSupport.printAttrDict(printer, op, Set.of());
    printer.print(" : ").printType(op.operand(0).type()).print(" to ")
        .printType(op.operand(1).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand s = parser.parseOperand();
    parser.parsePunct(",");
    OpParser.UnresolvedOperand t = parser.parseOperand();
    Map<String, Attribute> attrs = parser.parseOptionalAttrDict();
    parser.parsePunct(":");
    MemRefType st = MemRefSupport.parseMemRefType(parser);
    parser.parseKeyword("to");
    MemRefType tt = MemRefSupport.parseMemRefType(parser);
    return Operation.create(NAME, List.of(parser.resolveOperand(s, st),
        parser.resolveOperand(t, tt)), List.of(), attrs, List.of(), MemRefSupport.loc(location));
  }
}
