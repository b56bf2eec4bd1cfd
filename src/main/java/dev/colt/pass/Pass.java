// The interface every pass implements; passes are found on the class path, not listed by hand.
package dev.colt.pass;

import dev.colt.ir.Operation;

/**
 * A pass: a transformation of one anchor op ({@code builtin.module} or {@code func.func}, see
 * {@link PassInfo#anchor()}) into a new op. IR is immutable, so a pass returns the rewritten op (or
 * the same op when nothing changed).
 *
 * <p>To be found by {@link PassRegistry}, a pass is a public concrete top-level class under the
 * {@code dev.colt} package with a public no-argument constructor. Instances must be stateless:
 * one instance serves every run.
 */
public interface Pass {
  /** The declaration: name, summary, anchor, options, example. */
  PassInfo info();

  /**
   * Runs on {@code op}, whose name is the pass's anchor op, and returns the new op. Options and
   * diagnostics go through {@code context}. Fails by throwing {@link dev.colt.ir.DiagnosticException}
   * (usually {@code throw context.failure(op, "...")}), which the pass manager reports as a located
   * error naming the pass.
   */
  Operation run(Operation op, PassContext context);
}
