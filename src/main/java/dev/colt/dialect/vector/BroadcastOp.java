// vector.broadcast: replicates a scalar or a lower-rank vector into a vector.
package dev.colt.dialect.vector;

import dev.colt.dialect.arith.ArithSyntax;
import dev.colt.dialect.arith.ArithTypes;
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

/**
 * {@code vector.broadcast}: operand {@code source}, a scalar of the result's element type or a
 * vector whose shape matches the result's trailing dimensions (each equal or 1). Text:
 * {@code %b = vector.broadcast %s : f32 to vector<8xf32>}.
 */
public final class BroadcastOp implements OpDefinition, OpSyntax {
  public static final String NAME = "vector.broadcast";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /** Builds {@code vector.broadcast source : T to type}. */
  public static Operation create(Value source, VectorType type) {
    return Operation.create(NAME, List.of(source), List.of(type), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() != 1 || op.results().size() != 1) {
      sink.error(op, "'vector.broadcast' op requires one operand and one result");
      return;
    }
    Type src = op.operand(0).type();
    if (!(op.result().type() instanceof VectorType dst)) {
      sink.error(op, "'vector.broadcast' op result must be a vector, but got '"
          + op.result().type() + "'");
      return;
    }
    if (ArithTypes.isScalar(src)) {
      if (!src.equals(dst.elementType())) {
        sink.error(op, "'vector.broadcast' op source type '" + src
            + "' must be the result element type '" + dst.elementType() + "'");
      }
      return;
    }
    if (!(src instanceof VectorType sv) || !sv.elementType().equals(dst.elementType())
        || sv.rank() > dst.rank()) {
      sink.error(op, "'vector.broadcast' op source type '" + src
          + "' is not broadcastable to '" + dst + "'");
      return;
    }
    int offset = dst.rank() - sv.rank();
    for (int i = 0; i < sv.rank(); i++) {
      long s = sv.shape().get(i);
      if (s != 1 && s != dst.shape().get(offset + i)) {
        sink.error(op, "'vector.broadcast' op dimension mismatch (" + s + " vs. "
            + dst.shape().get(offset + i) + ")");
        return;
      }
    }
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    Attribute a = c.get(0);
    if (a == null || (a instanceof DenseElementsAttr d && !d.isSplat())) {
      return null;
    }
    Type elem = op.result().type().elementTypeOrSelf();
    return List.of(ConstantFolder.map(op.result().type(),
        i -> elem.isFloat() ? (Number) ConstantFolder.floatAt(a, 0)
            : (Number) ConstantFolder.intAt(a, 0, elem)));
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    return op.operand(0).type().equals(op.result().type()) ? op.operand(0) : null;
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperand(op.operand(0));
    ArithSyntax.printAttrDict(op, p, List.of());
    p.print(" : ").printType(op.operand(0).type()).print(" to ").printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    OpParser.UnresolvedOperand source = p.parseOperand();
    Map<String, Attribute> attrs = p.parseOptionalAttrDict();
    Type from = p.parseColonType();
    p.parseKeyword("to");
    Type to = p.parseType();
    return Operation.create(NAME, List.of(p.resolveOperand(source, from)), List.of(to), attrs,
        List.of(), location);
  }
}
