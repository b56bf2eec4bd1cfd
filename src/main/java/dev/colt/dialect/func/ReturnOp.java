// func.return: ends a function body, returning its operands.
package dev.colt.dialect.func;

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
 * {@code return %a, %b : f32, i32} (printed without the {@code func.} prefix inside functions).
 * Whether the operands match the function's result types is checked by {@link FuncOp}'s verifier.
 */
public final class ReturnOp implements OpDefinition, OpSyntax {
  public static final String NAME = "func.return";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<OpTrait> traits() {
    return Set.of(OpTrait.TERMINATOR, OpTrait.PURE);
  }

  public static Operation create(List<Value> values) {
    return Operation.create(NAME, values, List.of(), Map.of());
  }

  @Override
  public void verify(Operation op, VerificationSink sink) {
    if (!op.results().isEmpty() || !op.regions().isEmpty()) {
      sink.error(op, "has no results and no regions");
    }
  }

  @Override
  public void print(Operation op, OpPrinter p) {
    if (!op.operands().isEmpty()) {
      p.print(" ").printOperands(op.operands()).print(" : ")
          .printTypes(op.operands().stream().map(Value::type).toList());
    }
    p.printOptionalAttrDict(op.attributes(), Set.of());
  }

  @Override
  public Operation parse(OpParser p, Location location) {
    List<OpParser.UnresolvedOperand> operands = p.parseOperandList();
    List<Value> values = List.of();
    if (!operands.isEmpty()) {
      List<Type> types = p.parseColonTypeList();
      values = p.resolveOperands(operands, types);
    }
    return Operation.create(NAME, values, List.of(), p.parseOptionalAttrDict(), List.of(),
        location);
  }
}
