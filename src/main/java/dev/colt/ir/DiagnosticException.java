// Thrown when input is rejected: carries the diagnostics to show the user.
package dev.colt.ir;

import java.util.List;

/** Signals bad input (parse, verification, unsupported construct) with located diagnostics. */
public class DiagnosticException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public DiagnosticException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "error" : diagnostics.get(0).toString());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public DiagnosticException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public DiagnosticException(Location loc, String message) {
    this(Diagnostic.error(loc, message));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
