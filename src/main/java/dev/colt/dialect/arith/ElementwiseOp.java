// Shared definition and syntax of same-typed elementwise ops (arith binaries, negf, math ops).
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An elementwise op whose operands and single result all have one type, a scalar or a vector whose
 * elements are of an {@link ElementKind}. Text form: {@code %r = name %a, %b : type}.
 */
public abstract class ElementwiseOp implements OpDefinition, OpSyntax {
  private final String name;
  private final int arity;
  private final ElementKind kind;
  private final Set<OpTrait> traits;

  protected ElementwiseOp(String name, int arity, ElementKind kind, boolean commutative) {
    this.name = name;
    this.arity = arity;
    this.kind = kind;
    EnumSet<OpTrait> t = EnumSet.of(OpTrait.PURE);
    if (commutative) {
      t.add(OpTrait.COMMUTATIVE);
    }
    this.traits = Set.copyOf(t);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<OpTrait> traits() {
    return traits;
  }

  /** Number of operands. */
  public final int arity() {
    return arity;
  }

  /**
   * Builds {@code opName} on {@code operands}, typed like the first one. Precondition: at least one
   * operand; types are checked by the verifier, not here.
   */
  public static Operation build(String opName, Value... operands) {
    return Operation.create(opName, List.of(operands), List.of(operands[0].type()), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (op.operands().size() != arity) {
      sink.error(op, "'" + name + "' op expected " + arity + " operands, but found "
          + op.operands().size());
      return;
    }
    if (op.results().size() != 1) {
      sink.error(op, "'" + name + "' op requires one result");
      return;
    }
    Type t = op.result().type();
    for (Value v : op.operands()) {
      if (!v.type().equals(t)) {
        sink.error(op, "'" + name + "' op requires the same type for all operands and results");
        return;
      }
    }
    if (!kind.accepts(t)) {
      sink.error(op, "'" + name + "' op operand #0 must be " + kind.description()
          + "-like, but got '" + t + "'");
    }
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printOperands(op.operands());
    ArithSyntax.printAttrDict(op, p, List.of());
    p.print(" : ").printType(op.result().type());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    List<OpParser.UnresolvedOperand> names = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      if (i > 0) {
        p.parsePunct(",");
      }
      names.add(p.parseOperand());
    }
    Map<String, Attribute> attrs = p.parseOptionalAttrDict();
    Type t = p.parseColonType();
    List<Value> operands = new ArrayList<>();
    for (OpParser.UnresolvedOperand n : names) {
      operands.add(p.resolveOperand(n, t));
    }
    return Operation.create(name, operands, List.of(t), attrs, List.of(), location);
  }
}
