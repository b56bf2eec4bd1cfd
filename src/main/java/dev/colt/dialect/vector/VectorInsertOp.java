// vector.insert: replaces an element or a sub-vector at constant positions.
package dev.colt.dialect.vector;

import dev.colt.dialect.arith.ArithSyntax;
import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
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
 * {@code vector.insert}: operands the value to store and the destination vector, attribute
 * {@code static_position}; the result is the destination with the value placed at the position.
 * Text: {@code %r = vector.insert %s, %v [3] : f32 into vector<8xf32>} (MLIR prints a space
 * before the position here).
 */
public final class VectorInsertOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.insert";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /** Builds {@code vector.insert value, dest[position...]}. */
  public static Operation create(Value value, Value dest, long... position) {
    List<Long> pos = java.util.Arrays.stream(position).boxed().toList();
    return Operation.create(NAME, List.of(value, dest), List.of(dest.type()),
        Map.of(StaticPosition.ATTR, StaticPosition.attr(pos)));
  }

  public static List<Long> position(Operation op) {
    return StaticPosition.of(op);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() != 2 || op.results().size() != 1) {
      sink.error(op, "'vector.insert' op requires a value, a destination vector and one result");
      return;
    }
    if (!(op.operand(1).type() instanceof VectorType v)) {
      sink.error(op, "'vector.insert' op destination must be a vector, but got '"
          + op.operand(1).type() + "'");
      return;
    }
    if (!op.result().type().equals(v)) {
      sink.error(op, "'vector.insert' op result type must be the destination type '" + v + "'");
      return;
    }
    if (!StaticPosition.verify(op, v, sink)) {
      return;
    }
    Type want = StaticPosition.typeAt(v, position(op).size());
    if (!op.operand(0).type().equals(want)) {
      sink.error(op, "'vector.insert' op value type '" + op.operand(0).type()
          + "' does not match the position, expected '" + want + "'");
    }
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperand(op.operand(0)).print(", ").printOperand(op.operand(1)).print(" ");
    StaticPosition.print(p, position(op));
    ArithSyntax.printAttrDict(op, p, List.of(StaticPosition.ATTR));
    p.print(" : ").printType(op.operand(0).type()).print(" into ").printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand value = p.parseOperand();
    p.parsePunct(",");
    OpParser.UnresolvedOperand dest = p.parseOperand();
    List<Long> pos = StaticPosition.parse(p);
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    attrs.put(StaticPosition.ATTR, StaticPosition.attr(pos));
    Type valueType = p.parseColonType();
    p.parseKeyword("into");
    Type destType = p.parseType();
    return Operation.create(NAME, List.of(p.resolveOperand(value, valueType),
        p.resolveOperand(dest, destType)), List.of(destType), attrs, List.of(), location);
  }
}
