// Entry point for printing IR as mlir-opt prints it.
package dev.colt.ir.text;

import dev.colt.ir.Operation;

/**
 * Prints an operation (normally a builtin.module) in MLIR's text form: {@code #map} and
 * {@code #set} alias definitions first, then the op with two-space indentation, values numbered
 * as mlir-opt numbers them, custom forms for ops with an {@link OpSyntax} and the generic form
 * otherwise. The output ends with a newline. Parsing the output and printing again yields the same
 * text.
 */
public final class Printer {
  private Printer() {}

  public static String print(Operation op) {
    return AsmPrinter.print(op, false);
  }

  /**
   * Prints every op in MLIR's generic form, {@code "d.op"(%0) ({...}) {attrs} : (t) -> t}, with
   * numbered values, like mlir-opt's {@code --mlir-print-op-generic}; the parser reads it back to
   * the same IR.
   */
  public static String printGeneric(Operation op) {
    return AsmPrinter.print(op, true);
  }
}
