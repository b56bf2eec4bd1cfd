// What a running pass sees: its options and a place to emit remarks, warnings and failures.
package dev.colt.pass;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import dev.colt.ir.Operation;
import java.util.function.Consumer;

/** The environment of one pass run: option values and a diagnostic sink. */
public final class PassContext {
  private final PassOptions options;
  private final Consumer<Diagnostic> diagnostics;
  private final Operation enclosing;

  public PassContext(PassOptions options, Consumer<Diagnostic> diagnostics) {
    this(options, diagnostics, null);
  }

  /**
   * @param enclosing the op whose body holds the anchor op as the pipeline reached it (the module
   *     of a function pass), or null
   */
  public PassContext(PassOptions options, Consumer<Diagnostic> diagnostics, Operation enclosing) {
    this.options = options;
    this.diagnostics = diagnostics;
    this.enclosing = enclosing;
  }

  /**
   * The op containing the anchor op, as it was when the pipeline reached it (for a function pass:
   * its module, so the pass can see the symbols the function uses), or null when run directly.
   */
  public Operation enclosingOp() {
    return enclosing;
  }

  /** A context with default options that drops diagnostics (for calling a pass directly). */
  public static PassContext defaults(PassInfo info) {
    return new PassContext(PassOptions.defaults(info), d -> { });
  }

  public PassOptions options() {
    return options;
  }

  /** The value of an option of this pass. */
  public <T> T option(PassOption<T> option) {
    return options.get(option);
  }

  /** Emits a remark at {@code op}'s location (matched by {@code expected-remark}). */
  public void remark(Operation op, String message) {
    diagnostics.accept(new Diagnostic(op.location(), Diagnostic.Severity.REMARK, message));
  }

  /** Emits a warning at {@code op}'s location. */
  public void warning(Operation op, String message) {
    diagnostics.accept(new Diagnostic(op.location(), Diagnostic.Severity.WARNING, message));
  }

  /** The exception to throw when the pass cannot proceed: an error located at {@code op}. */
  public DiagnosticException failure(Operation op, String message) {
    return failure(op.location(), message);
  }

  public DiagnosticException failure(Location location, String message) {
    return new DiagnosticException(location, message);
  }
}
