// vector.load: reads a vector from contiguous memref elements.
package dev.colt.dialect.vector;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.MemRefType;
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

/**
 * {@code vector.load}: operands base memref then one index per memref dimension; the result vector
 * holds consecutive elements along the innermost dimensions starting at the indices. Text:
 * {@code %v = vector.load %A[%i, %j] : memref<4x8xf32>, vector<8xf32>}.
 */
public final class VectorLoadOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.load";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.READS_MEMORY);
  }

  /** Builds {@code vector.load base[indices]} producing {@code type}. */
  public static Operation create(VectorType type, Value base, List<Value> indices) {
    List<Value> operands = new ArrayList<>();
    operands.add(base);
    operands.addAll(indices);
    return Operation.create(NAME, operands, List.of(type), Map.of());
  }

  public static Value base(Operation op) {
    return op.operand(0);
  }

  public static List<Value> indices(Operation op) {
    return op.operands().subList(1, op.operands().size());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().isEmpty() || op.results().size() != 1) {
      sink.error(op, "'vector.load' op requires a base operand and one result");
      return;
    }
    if (!MemRefAccess.verify(op, base(op), indices(op), sink)) {
      return;
    }
    checkElementTypes(op, (MemRefType) base(op).type(), op.result().type(), sink);
  }

  /** Reports unless {@code vector} is a vector whose elements match the memref's. */
  static void checkElementTypes(Operation op, MemRefType m, Type vector, VerificationSink sink) {
    if (!(vector instanceof VectorType v)) {
      sink.error(op, "'" + op.name() + "' op value must be a vector, but got '" + vector + "'");
      return;
    }
    if (m.elementType() instanceof VectorType) {
      if (!m.elementType().equals(v)) {
        sink.error(op, "'" + op.name() + "' op base memref element type '" + m.elementType()
            + "' must match the vector type '" + v + "'");
      }
    } else if (!m.elementType().equals(v.elementType())) {
      sink.error(op, "'" + op.name() + "' op base and vector element types must match, got '"
          + m.elementType() + "' and '" + v.elementType() + "'");
    }
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ");
    MemRefAccess.print(p, base(op), indices(op));
    dev.colt.dialect.arith.ArithSyntax.printAttrDict(op, p, List.of());
    p.print(" : ").printType(base(op).type()).print(", ").printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand base = p.parseOperand();
    List<OpParser.UnresolvedOperand> indices = MemRefAccess.parseIndices(p);
    Map<String, Attribute> attrs = p.parseOptionalAttrDict();
    p.parsePunct(":");
    Location at = p.location();
    Type baseType = p.parseType();
    MemRefAccess.expectMemRef(p, baseType, at);
    p.parsePunct(",");
    Type result = p.parseType();
    List<Value> operands = new ArrayList<>();
    operands.add(p.resolveOperand(base, baseType));
    operands.addAll(MemRefAccess.resolveIndices(p, indices));
    return Operation.create(NAME, operands, List.of(result), attrs, List.of(), location);
  }
}
