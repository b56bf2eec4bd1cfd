// memref.dealloc: frees a buffer allocated by memref.alloc.
package dev.colt.dialect.memref;

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

/** {@code memref.dealloc %b : memref<?xf32>}: one memref operand, no results. */
public final class MemRefDeallocOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.dealloc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.ALLOCATES);
  }

  public static Value memref(Operation op) {
    return op.operand(0);
  }

  /** Frees {@code memref}; fails with IllegalArgumentException when it is not a memref. */
  public static Operation build(Value memref) {
    MemRefSupport.requireMemRef(memref, NAME);
    return Operation.create(NAME, List.of(memref), List.of(), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (MemRefSupport.checkCounts(op, 1, 0, sink)) {
      MemRefSupport.memrefOperand(op, 0, sink);
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(op.operand(0));
    MemRefSupport.printAttrDict(printer, op, Set.of());
    printer.print(" : ").printType(op.operand(0).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand ref = parser.parseOperand();
    Map<String, dev.colt.ir.Attribute> attrs = parser.parseOptionalAttrDict();
    parser.parsePunct(":");
    MemRefType type = MemRefSupport.parseMemRefType(parser);
    return Operation.create(NAME, List.of(parser.resolveOperand(ref, type)), List.of(), attrs,
        List.of(), MemRefSupport.loc(location));
  }
}
