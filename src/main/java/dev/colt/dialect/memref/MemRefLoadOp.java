// memref.load: reads one element of a memref at index-valued subscripts.
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
 * {@code %v = memref.load %A[%i, %j] : memref<4x8xf32>}: operands memref then one index per
 * dimension; one result of the element type.
 */
public final class MemRefLoadOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.load";

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

  public static List<Value> indices(Operation op) {
    return op.operands().subList(1, op.operands().size());
  }

  /**
   * Loads {@code memref[indices]}.
   *
   * @throws IllegalArgumentException when the index count differs from the rank or an index is
   *     not of type index
   */
  public static Operation build(Value memref, List<Value> indices) {
    MemRefType t = MemRefSupport.requireMemRef(memref, NAME);
    if (indices.size() != t.rank()) {
      throw new IllegalArgumentException(NAME + ": " + indices.size() + " indices for " + t);
    }
    MemRefSupport.requireIndices(indices, NAME);
    return Operation.create(NAME, MemRefSupport.concat(List.of(memref), indices),
        List.of(t.elementType()), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().isEmpty()) {
      MemRefSupport.error(sink, op, "expects a memref operand");
      return;
    }
    MemRefType t = MemRefSupport.memrefOperand(op, 0, sink);
    if (t == null) {
      return;
    }
    int n = op.operands().size() - 1;
    if (n != t.rank()) {
      MemRefSupport.error(sink, op, "incorrect number of indices for load, expected " + t.rank()
          + " but got " + n);
      return;
    }
    MemRefSupport.checkIndexOperands(op, 1, sink);
    if (op.results().size() != 1 || !op.result().type().equals(t.elementType())) {
      MemRefSupport.error(sink, op, "result type must match element type of memref");
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(op.operand(0)).print("[").printOperands(indices(op))
        .print("]");
    MemRefSupport.printAttrDict(printer, op, Set.of());
    printer.print(" : ").printType(op.operand(0).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand ref = parser.parseOperand();
    List<Value> indices = MemRefSupport.parseIndexList(parser, "[", "]");
    Map<String, Attribute> attrs = parser.parseOptionalAttrDict();
    parser.parsePunct(":");
    MemRefType type = MemRefSupport.parseMemRefType(parser);
    return Operation.create(NAME, MemRefSupport.concat(List.of(parser.resolveOperand(ref, type)),
        indices), List.of(type.elementType()), attrs, List.of(), MemRefSupport.loc(location));
  }
}
