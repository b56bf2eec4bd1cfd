// Interpreter semantics of func.call: runs another function of the module in a fresh frame.
package dev.colt.exec.interp;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.Type;
import java.util.List;
import java.util.Map;

/** func.call (func.func and func.return are handled by the function compiler). */
final class FuncOps {
  private FuncOps() {}

  static void register(Map<String, OpCompiler> m) {
    m.put("func.call", FuncOps::call);
  }

  private static Step call(Operation op, FunctionCompiler c) {
    if (!(op.attr("callee") instanceof Attribute.SymbolRefAttr callee)) {
      throw new InterpreterException(op, "needs a symbol attribute 'callee'");
    }
    CompiledFunction fn = c.interpreter.function(callee.name(), op);
    List<Type> operandTypes = op.operands().stream().map(v -> v.type()).toList();
    List<Type> resultTypes = op.results().stream().map(v -> v.type()).toList();
    if (!fn.type.inputs().equals(operandTypes) || !fn.type.results().equals(resultTypes)) {
      throw new InterpreterException(op, "operand or result types do not match @"
          + callee.name() + " : " + fn.type);
    }
    Slot[] args = c.slots(op.operands(), op).toArray(Slot[]::new);
    Slot[] results = c.slots(op.results(), op).toArray(Slot[]::new);
    return f -> {
      Frame calleeFrame = fn.newFrame();
      List<Slot> params = fn.argSlots();
      for (int i = 0; i < args.length; i++) {
        Slot.move(f, args[i], calleeFrame, params.get(i));
      }
      fn.run(calleeFrame);
      List<Slot> returned = fn.resultSlots();
      for (int i = 0; i < results.length; i++) {
        Slot.move(calleeFrame, returned.get(i), f, results[i]);
      }
    };
  }
}
