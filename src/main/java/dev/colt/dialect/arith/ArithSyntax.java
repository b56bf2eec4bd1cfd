// Text helpers shared by the custom forms of arith, math and vector ops.
package dev.colt.dialect.arith;

import dev.colt.ir.Attribute;
import dev.colt.ir.Operation;
import dev.colt.ir.text.OpPrinter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Printing helpers for custom op forms. */
public final class ArithSyntax {
  private ArithSyntax() {}

  /**
   * Prints {@code " {k = v, ...}"} for the op's attributes not in {@code elided}; nothing when
   * none remain.
   */
  public static void printAttrDict(Operation op, OpPrinter p, Collection<String> elided) {
    Map<String, Attribute> rest = new TreeMap<>(op.attributes());
    rest.keySet().removeAll(elided);
    if (!rest.isEmpty()) {
      p.print(" ");
      p.printOptionalAttrDict(rest, java.util.List.of());
    }
  }
}
