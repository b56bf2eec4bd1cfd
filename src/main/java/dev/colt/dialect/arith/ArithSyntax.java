// Text helpers shared by the custom forms of arith, math and vector ops.
package dev.colt.dialect.arith;

import dev.colt.ir.Operation;
import dev.colt.ir.text.OpPrinter;
import java.util.Collection;

/** Printing helpers for custom op forms. */
public final class ArithSyntax {
  private ArithSyntax() {}

  /**
   * Prints {@code " {k = v, ...}"} (the printer supplies the leading space) for the op's
   * attributes not in {@code elided}; nothing when none remain.
   */
  public static void printAttrDict(Operation op, OpPrinter p, Collection<String> elided) {
    p.printOptionalAttrDict(op.attributes(), elided);
  }
}
