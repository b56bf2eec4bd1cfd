// How colt-run executes a function: the seam between the reference interpreter and compiled code.
package dev.colt.tool;

import dev.colt.exec.data.RuntimeValue;
import dev.colt.exec.interp.Interpreter;
import dev.colt.ir.Operation;
import java.util.List;

/**
 * Runs one function of a module on fresh pattern inputs and returns the arguments afterwards
 * (buffers hold what the function wrote). Failures are DiagnosticExceptions located at the op.
 */
interface Executor {
  List<RuntimeValue> runWithPatternInputs(Operation module, String entry);

  /** The reference interpreter. */
  Executor INTERPRETER = Interpreter::runWithPatternInputs;

  /**
   * The executor colt-run uses. TODO: make the LLVM JIT the default (and the interpreter the
   * {@code --interpret} choice) once dev.colt.exec provides it; until then both run the interpreter.
   */
  static Executor select(boolean interpret) {
    return INTERPRETER;
  }
}
