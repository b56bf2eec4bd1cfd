// vector.extract: reads an element or a sub-vector at constant positions.
package dev.colt.dialect.vector;

import dev.colt.dialect.arith.ArithSyntax;
import dev.colt.dialect.arith.ConstantFolder;
import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
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
 * {@code vector.extract}: operand a vector, attribute {@code static_position} (array of i64, one
 * per leading dimension indexed); the result is the element, or the sub-vector of the remaining
 * dimensions. Text: {@code %e = vector.extract %v[3] : f32 from vector<8xf32>}.
 */
public final class VectorExtractOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.extract";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /**
   * Builds {@code vector.extract vector[position...]}; the result type follows the position.
   * Precondition: {@code vector} has a vector type.
   */
  public static Operation create(Value vector, long... position) {
    List<Long> pos = java.util.Arrays.stream(position).boxed().toList();
    Type result = StaticPosition.typeAt((VectorType) vector.type(), pos.size());
    return Operation.create(NAME, List.of(vector), List.of(result),
        Map.of(StaticPosition.ATTR, StaticPosition.attr(pos)));
  }

  /** The constant positions. */
  public static List<Long> position(Operation op) {
    return StaticPosition.of(op);
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() != 1 || op.results().size() != 1) {
      sink.error(op, "'vector.extract' op requires one vector operand and one result");
      return;
    }
    if (!(op.operand(0).type() instanceof VectorType v)) {
      sink.error(op, "'vector.extract' op operand must be a vector, but got '"
          + op.operand(0).type() + "'");
      return;
    }
    if (!StaticPosition.verify(op, v, sink)) {
      return;
    }
    Type want = StaticPosition.typeAt(v, position(op).size());
    if (!op.result().type().equals(want)) {
      sink.error(op, "'vector.extract' op result type '" + op.result().type()
          + "' does not match the position, expected '" + want + "'");
    }
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    if (!(c.get(0) instanceof DenseElementsAttr d)
        || !(op.operand(0).type() instanceof VectorType v) || position(op) == null) {
      return null;
    }
    int base = StaticPosition.linearOffset(v, position(op));
    Type elem = v.elementType();
    return List.of(ConstantFolder.map(op.result().type(), i -> elem.isFloat()
        ? (Number) d.get(base + i) : (Number) (long) d.get(base + i)));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return position(op) != null && position(op).isEmpty() ? op.operand(0) : null;
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperand(op.operand(0));
    StaticPosition.print(p, position(op));
    ArithSyntax.printAttrDict(op, p, List.of(StaticPosition.ATTR));
    p.print(" : ").printType(op.result().type()).print(" from ").printType(op.operand(0).type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand vector = p.parseOperand();
    List<Long> pos = StaticPosition.parse(p);
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    attrs.put(StaticPosition.ATTR, StaticPosition.attr(pos));
    Type result = p.parseColonType();
    p.parseKeyword("from");
    Type source = p.parseType();
    return Operation.create(NAME, List.of(p.resolveOperand(vector, source)), List.of(result),
        attrs, List.of(), location);
  }
}
