// Shared definition and syntax of arith's one-operand conversion ops (`%y = op %x : A to B`).
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpTrait;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import dev.colt.ir.Value;
import dev.colt.ir.VerificationSink;
import dev.colt.ir.text.OpParser;
import dev.colt.ir.text.OpPrinter;
import dev.colt.ir.text.OpSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pure conversion from one scalar type to another (or between vectors of the same shape,
 * elementwise). Subclasses say which element type pairs are valid. Text:
 * {@code %0 = arith.sitofp %x : i32 to f32}.
 */
public abstract class CastOp implements OpDefinition, OpSyntax {
  private final String name;

  protected CastOp(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<OpTrait> traits() {
    return Set.of(OpTrait.PURE);
  }

  /**
   * True when converting element type {@code from} to {@code to} is valid for this op; both are
   * scalar types.
   */
  protected abstract boolean validElements(Type from, Type to);

  /** What the op converts, for verifier messages ("integer to float"). */
  protected abstract String expectation();

  /**
   * Builds {@code opName %source : T to resultType}; types are checked by the verifier, not here.
   */
  public static Operation build(String opName, Value source, Type resultType) {
    return Operation.create(opName, List.of(source), List.of(resultType), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() != 1 || op.results().size() != 1) {
      sink.error(op, "'" + name + "' op requires one operand and one result");
      return;
    }
    Type from = op.operand(0).type();
    Type to = op.result().type();
    if (!ArithTypes.sameShape(from, to)) {
      sink.error(op, "'" + name + "' op requires operand and result to be both scalars or"
          + " vectors of the same shape, got '" + from + "' and '" + to + "'");
      return;
    }
    if (!validElements(from.elementTypeOrSelf(), to.elementTypeOrSelf())) {
      sink.error(op, "'" + name + "' op operand type '" + from + "' and result type '" + to
          + "' are cast incompatible (expected " + expectation() + ")");
    }
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
    return Operation.create(name, List.of(p.resolveOperand(source, from)), List.of(to), attrs,
        List.of(), location);
  }

  /** Bit width of a scalar integer, index or float type. */
  protected static int width(Type t) {
    return ArithSemantics.bitWidth(t);
  }
}
