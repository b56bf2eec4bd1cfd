// vector.store: writes a vector to contiguous memref elements.
package dev.colt.dialect.vector;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
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
 * {@code vector.store}: operands value, base memref, then one index per memref dimension; no
 * results. Text: {@code vector.store %v, %A[%i, %j] : memref<4x8xf32>, vector<8xf32>}.
 */
public final class VectorStoreOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.store";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.WRITES_MEMORY);
  }

  /** Builds {@code vector.store value, base[indices]}. */
  public static Operation create(Value value, Value base, List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    operands.add(value);
    operands.add(base);
    operands.addAll(indices);
    return Operation.create(NAME, operands, List.of(), Map.of());
  }

  public static Value value(Operation op) {
    return op.operand(0);
  }

  public static Value base(Operation op) {
    return op.operand(1);
  }

  public static List<Value> indices(Operation op) {
    return op.operands().subList(2, op.operands().size());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() < 2 || !op.results().isEmpty()) {
      sink.error(op, "'vector.store' op requires a value and a base operand and no results");
      return;
    }
    if (!MemRefAccess.verify(op, base(op), indices(op), sink)) {
      return;
    }
    VectorLoadOp.checkElementTypes(op, (MemRefType) base(op).type(), value(op).type(), sink);
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperand(value(op)).print(", ");
    MemRefAccess.print(p, base(op), indices(op));
    dev.colt.dialect.arith.ArithSyntax.printAttrDict(op, p, List.of());
    p.print(" : ").printType(base(op).type()).print(", ").printType(value(op).type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand value = p.parseOperand();
    p.parsePunct(",");
    OpParser.UnresolvedOperand base = p.parseOperand();
    List<OpParser.UnresolvedOperand> indices = MemRefAccess.parseIndices(p);
    Map<String, Attribute> attrs = p.parseOptionalAttrDict();
    p.parsePunct(":");
    Location at = p.location();
    Type baseType = p.parseType();
    MemRefAccess.expectMemRef(p, baseType, at);
    p.parsePunct(",");
    Type valueType = p.parseType();
    List<Value> operands = new ArrayList<>();
    operands.add(p.resolveOperand(value, valueType));
    operands.add(p.resolveOperand(base, baseType));
    operands.addAll(MemRefAccess.resolveIndices(p, indices));
    return Operation.create(NAME, operands, List.of(), attrs, List.of(), location);
  }
}
