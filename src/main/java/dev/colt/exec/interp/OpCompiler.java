// Compiles one kind of operation into a Step.
package dev.colt.exec.interp;

import dev.colt.ir.Operation;

/** Turns an op into its Step; results already have slots when it is called. */
@FunctionalInterface
interface OpCompiler {
  /** Fails with InterpreterException when the op's form or types are unsupported. */
  Step compile(Operation op, FunctionCompiler compiler);
}
