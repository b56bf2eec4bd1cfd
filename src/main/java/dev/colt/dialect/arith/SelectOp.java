// arith.select: chooses between two values by an i1 condition (scalar or per element).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Attribute.DenseElementsAttr;
import dev.colt.ir.Attribute.IntegerAttr;
import dev.colt.ir.IntegerType;
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
 * {@code arith.select}: operands condition, true value, false value. The condition is i1, or for
 * vector values also a vector of i1 of the same shape (elementwise choice). Text:
 * {@code %0 = arith.select %c, %a, %b : f32} and, for a vector condition,
 * {@code %0 = arith.select %m, %a, %b : vector<8xi1>, vector<8xf32>}.
 */
public final class SelectOp implements OpDefinition, OpSyntax {
  public static final String NAME = "arith.select";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /** Builds {@code arith.select condition, trueValue, falseValue}, typed like the values. */
  public static Operation create(Value condition, Value trueValue, Value falseValue) {
    return Operation.create(NAME, List.of(condition, trueValue, falseValue),
        List.of(trueValue.type()), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() != 3 || op.results().size() != 1) {
      sink.error(op, "'arith.select' op requires three operands and one result");
      return;
    }
    Type t = op.result().type();
    if (!op.operand(1).type().equals(t) || !op.operand(2).type().equals(t)) {
      sink.error(op, "'arith.select' op requires the same type for the true value, the false"
          + " value and the result");
      return;
    }
    Type cond = op.operand(0).type();
    if (!cond.equals(IntegerType.I1) && !cond.equals(ArithTypes.boolLike(t))) {
      sink.error(op, "'arith.select' op expected condition type to be i1 or '"
          + ArithTypes.boolLike(t) + "', but got '" + cond + "'");
    }
  }

  @Override
  public List<Attribute> fold(Operation op, List<Attribute> c) {
    Attribute cond = c.get(0);
    if (cond instanceof DenseElementsAttr d && !d.isSplat()
        && c.get(1) != null && c.get(2) != null) {
      Type elem = op.result().type().elementTypeOrSelf();
      return List.of(ConstantFolder.map(op.result().type(), i -> {
        Attribute chosen = d.get(i) != 0 ? c.get(1) : c.get(2);
        return elem.isFloat() ? (Number) ConstantFolder.floatAt(chosen, i)
            : (Number) ConstantFolder.intAt(chosen, i, elem);
      }));
    }
    return null;
  }

  @Override
  public Value foldToValue(Operation op, List<Attribute> c) {
    if (op.operand(1) == op.operand(2)) {
      return op.operand(1);
    }
    Attribute cond = c.get(0);
    if (cond instanceof IntegerAttr n) {
      return (n.value() & 1) != 0 ? op.operand(1) : op.operand(2);
    }
    if (cond instanceof DenseElementsAttr d && d.isSplat()) {
      return d.get(0) != 0 ? op.operand(1) : op.operand(2);
    }
    return null;
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperands(op.operands());
    ArithSyntax.printAttrDict(op, p, List.of());
    p.print(" : ");
    if (op.operand(0).type() instanceof VectorType) {
      p.printType(op.operand(0).type()).print(", ");
    }
    p.printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    List<OpParser.UnresolvedOperand> names = p.parseOperandList();
    if (names.size() != 3) {
      throw p.error(location, "'arith.select' expects three operands");
    }
    Map<String, Attribute> attrs = p.parseOptionalAttrDict();
    List<Type> types = p.parseColonTypeList();
    if (types.size() > 2) {
      throw p.error(location, "'arith.select' expects at most two types");
    }
    Type t = types.get(types.size() - 1);
    Type cond = types.size() == 2 ? types.get(0) : IntegerType.I1;
    return Operation.create(NAME, List.of(p.resolveOperand(names.get(0), cond),
        p.resolveOperand(names.get(1), t), p.resolveOperand(names.get(2), t)), List.of(t), attrs,
        List.of(), location);
  }
}
