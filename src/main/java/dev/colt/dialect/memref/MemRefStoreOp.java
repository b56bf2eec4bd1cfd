// memref.store: writes one element of a memref at index-valued subscripts.
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code memref.store %v, %A[%i, %j] : memref<4x8xf32>}: operands value, memref, one index per
 * dimension; no results.
 */
public final class MemRefStoreOp implements OpDefinition, OpSyntax {
  public static final String NAME = "memref.store";

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

  public static Value memref(Operation op) {
    return op.operand(1);
  }

  public static List<Value> indices(Operation op) {
    return op.operands().subList(2, op.operands().size());
  }

  /**
   * Stores {@code value} to {@code memref[indices]}.
   *
   * @throws IllegalArgumentException on a wrong index count, index type or value type
   */
  public static Operation build(Value value, Value memref, List<Value> indices) {
    MemRefType t = MemRefSupport.requireMemRef(memref, NAME);
    if (indices.size() != t.rank()) {
      throw new IllegalArgumentException(NAME + ": " + indices.size() + " indices for " + t);
    }
    if (!value.type().equals(t.elementType())) {
      throw new IllegalArgumentException(NAME + ": storing " + value.type() + " into " + t);
    }
    MemRefSupport.requireIndices(indices, NAME);
    List<Value> operands = new ArrayList<>(List.of(value, memref));
    operands.addAll(indices);
    return Operation.create(NAME, operands, List.of(), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() < 2) {
      MemRefSupport.error(sink, op, "expects a value and a memref operand");
      return;
    }
    MemRefType t = MemRefSupport.memrefOperand(op, 1, sink);
    if (t == null) {
      return;
    }
    int n = op.operands().size() - 2;
    if (n != t.rank()) {
      MemRefSupport.error(sink, op, "store index operand count not equal to memref rank");
      return;
    }
    MemRefSupport.checkIndexOperands(op, 2, sink);
    if (!op.operand(0).type().equals(t.elementType())) {
      MemRefSupport.error(sink, op, "value to store must have the same type as memref element "
          + "type");
    }
    if (!op.results().isEmpty()) {
      MemRefSupport.error(sink, op, "requires zero results");
    }
  }

  @Override
  public void print(Operation op, OpPrinter printer) {
    printer.print(" ").printOperand(op.operand(0)).print(", ").printOperand(op.operand(1))
        .print("[").printOperands(indices(op)).print("]");
    MemRefSupport.printAttrDict(printer, op, Set.of());
    printer.print(" : ").printType(op.operand(1).type());
  }

  @Override
  public Operation parse(OpParser parser, Location location) {
    OpParser.UnresolvedOperand valueRef = parser.parseOperand();
    parser.parsePunct(",");
    OpParser.UnresolvedOperand ref = parser.parseOperand();
    List<Value> indices = MemRefSupport.parseIndexList(parser, "[", "]");
    Map<String, Attribute> attrs = parser.parseOptionalAttrDict();
    parser.parsePunct(":");
    MemRefType type = MemRefSupport.parseMemRefType(parser);
    List<Value> operands = new ArrayList<>();
    operands.add(parser.resolveOperand(valueRef, type.elementType()));
    operands.add(parser.resolveOperand(ref, type));
    operands.addAll(indices);
    return Operation.create(NAME, operands, List.of(), attrs, List.of(),
        MemRefSupport.loc(location));
  }
}
