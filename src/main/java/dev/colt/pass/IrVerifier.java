// The verification hook the pass manager calls after each pass.
package dev.colt.pass;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.Operation;
import java.util.List;

/** Checks an op (and everything nested in it); returns its errors, empty when valid. */
@FunctionalInterface
public interface IrVerifier {
  List<Diagnostic> verify(Operation op);

  /** A verifier that accepts everything. */
  IrVerifier NONE = op -> List.of();
}
