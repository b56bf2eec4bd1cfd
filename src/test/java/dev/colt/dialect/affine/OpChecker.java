// Runs every registered op verifier (plain and in context) over a tree and collects the messages.
package dev.colt.dialect.affine;

import dev.colt.ir.OpContext;
import dev.colt.ir.OpDefinition;
import dev.colt.ir.OpRegistry;
import dev.colt.ir.Operation;
import java.util.ArrayList;
import java.util.List;

/** A minimal stand-in for the generic verifier, enough to test op definitions. */
public final class OpChecker {
  private OpChecker() {
  }

  /** Every message reported for ops in {@code root}; fails on an unregistered op. */
  public static List<String> errors(Operation root) {
    List<String> errors = new ArrayList<>();
    OpContext context = OpContext.of(root);
    root.walk(op -> {
      OpDefinition def = OpRegistry.global().lookup(op.name());
      if (def == null) {
        throw new AssertionError("unregistered op " + op.name());
      }
      def.verify(op, (o, m) -> errors.add(m));
      def.verifyInContext(op, context, (o, m) -> errors.add(m));
    });
    return errors;
  }
}
