// A failure while compiling or running IR in the reference interpreter, located at the failing op.
package dev.colt.exec.interp;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;

/**
 * Raised for unsupported ops or types, out-of-bounds accesses, integer division by zero and other
 * undefined behaviour met while interpreting. The message names the op and its source location,
 * in MLIR's {@code 'op.name' op ...} style; it renders like any other diagnostic.
 */
public final class InterpreterException extends DiagnosticException {
  private static final long serialVersionUID = 1L;

  public InterpreterException(Operation op, String message) {
    super(Diagnostic.error(op.location(), "'" + op.name() + "' op " + message));
  }
}
