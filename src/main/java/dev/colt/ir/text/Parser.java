// Entry point for parsing IR text into a verified builtin.module.
package dev.colt.ir.text;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;

/**
 * Parses MLIR-syntax text (func, arith, math, memref, affine, vector and whatever dialects are
 * registered) into a {@code builtin.module}. Bare top-level ops are wrapped in a module; an
 * explicit {@code module { ... }} is returned as is. Locations ({@code loc(...)}) are skipped.
 */
public final class Parser {
  private Parser() {}

  /**
   * Parses and verifies a module.
   *
   * @throws DiagnosticException located at the offending token for syntax errors, or at the
   *     offending op for verification errors
   */
  public static Operation parseModule(String sourceText, String fileName) {
    Operation module = parseModuleUnverified(sourceText, fileName);
    Verifier.verifyOrThrow(module);
    return module;
  }

  /** Parses without running the {@link Verifier} (for tools that report verifier errors apart). */
  public static Operation parseModuleUnverified(String sourceText, String fileName) {
    try {
      return new OperationParser(sourceText, fileName).parseTopLevel();
    } catch (StackOverflowError e) {
      throw new DiagnosticException(new dev.colt.ir.Location(fileName, 1, 1),
          "input nested too deeply to parse");
    }
  }
}
