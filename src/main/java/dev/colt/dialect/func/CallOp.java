// func.call: a direct call of a function symbol.
package dev.colt.dialect.func;

import dev.colt.ir.Attribute;
import dev.colt.ir.FunctionType;
import dev.colt.ir.Location;
import dev.colt.ir.OpDefinition;
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
import java.util.TreeMap;

/** {@code %0 = call @f(%a) : (f32) -> f32}; attribute {@code callee} (a symbol reference). */
public final class CallOp implements OpDefinition, OpSyntax {
  public static final String NAME = "func.call";

  @Override
  public String name() {
    return NAME;
  }

  public static Operation create(String callee, List<Value> args, List<Type> resultTypes) {
    return Operation.create(NAME, args, resultTypes,
        Map.of("callee", new Attribute.SymbolRefAttr(callee)));
  }

  /** The called function's name; precondition: a verified func.call. */
  public static String callee(Operation op) {
    return ((Attribute.SymbolRefAttr) op.attr("callee")).name();
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!(op.attr("callee") instanceof Attribute.SymbolRefAttr)) {
      sink.error(op, "requires a symbol reference attribute 'callee'");
    }
    if (!op.regions().isEmpty()) {
      sink.error(op, "has no regions");
    }
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    p.print(" ").printAttribute(op.attr("callee")).print("(").printOperands(op.operands())
        .print(")");
    Map<String, Attribute> rest = new TreeMap<>(op.attributes());
    rest.remove("callee");
    p.printOptionalAttrDict(rest, Set.of());
    p.print(" : ").printType(new FunctionType(
        op.operands().stream().map(Value::type).toList(),
        op.results().stream().map(Value::type).toList()));
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    String callee = p.parseSymbolName();
    p.parsePunct("(");
    List<OpParser.UnresolvedOperand> operands = p.parseOperandList();
    p.parsePunct(")");
    Map<String, Attribute> attrs = new TreeMap<>(p.parseOptionalAttrDict());
    attrs.put("callee", new Attribute.SymbolRefAttr(callee));
    Location typeAt = p.location();
    Type t = p.parseColonType();
    if (!(t instanceof FunctionType ft)) {
      throw p.error(typeAt, "expected a function type");
    }
    List<Value> args = p.resolveOperands(operands, ft.inputs());
    return Operation.create(NAME, args, ft.results(), attrs, List.of(), location);
  }
}
