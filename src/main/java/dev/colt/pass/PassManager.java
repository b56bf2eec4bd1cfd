// Runs a parsed pipeline over a module: nesting, verification after each pass, IR dumps.
package dev.colt.pass;

import dev.colt.ir.Block;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.pass.PipelineElement.OpPipeline;
import dev.colt.pass.PipelineElement.PassInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Executes a pipeline on a {@code builtin.module}. A {@code func.func(...)} nested pipeline runs its
 * passes, in order, on each function of the module; a function pass listed at module level runs on
 * every function. After each pass that changed its op, the op is verified.
 *
 * <p>Failures are thrown as {@link DiagnosticException}s whose errors name the pass: the pass's own
 * errors ({@code pass 'x' failed: ...}), verifier errors after it ({@code verification failed after
 * pass 'x': ...}) and unexpected exceptions inside it ({@code pass 'x' crashed: ...}), located at the
 * op it was running on when nothing better is known. Remarks and warnings go to the diagnostic sink.
 */
public final class PassManager {
  /** Options of a run: verification hook, IR dumps and where diagnostics go. */
  public record Config(IrVerifier verifier, boolean printIrBefore, boolean printIrAfter,
      Function<Operation, String> printer, Consumer<String> dumpOutput,
      Consumer<Diagnostic> diagnostics) {

    /** Verifies with {@code verifier}, no dumps, drops remarks. */
    public static Config of(IrVerifier verifier) {
      return new Config(verifier, false, false, Operation::toString, s -> { }, d -> { });
    }

    public Config withDiagnostics(Consumer<Diagnostic> sink) {
      return new Config(verifier, printIrBefore, printIrAfter, printer, dumpOutput, sink);
    }

    /** Dumps IR (rendered by {@code irPrinter}) before and/or after each pass to {@code out}. */
    public Config withDumps(boolean before, boolean after, Function<Operation, String> irPrinter,
        Consumer<String> out) {
      return new Config(verifier, before, after, irPrinter, out, diagnostics);
    }
  }

  private final OpPipeline pipeline;
  private final Config config;

  /** Precondition: {@code pipeline} is anchored on builtin.module (as the parser guarantees). */
  public PassManager(OpPipeline pipeline, Config config) {
    if (pipeline.anchor() != PassInfo.Anchor.MODULE) {
      throw new IllegalArgumentException("a pass manager runs builtin.module(...) pipelines");
    }
    this.pipeline = pipeline;
    this.config = config;
  }

  public OpPipeline pipeline() {
    return pipeline;
  }

  /**
   * Runs the pipeline on {@code module} and returns the new module. Fails with a
   * DiagnosticException (see the class comment); fails with IllegalArgumentException when
   * {@code module} is not a builtin.module.
   */
  public Operation run(Operation module) {
    if (!module.is(ModuleOp.NAME)) {
      throw new IllegalArgumentException("expected a builtin.module, got " + module.name());
    }
    return runPipeline(pipeline, module);
  }

  private Operation runPipeline(OpPipeline p, Operation op) {
    return runPipeline(p, op, null);
  }

  /** Runs {@code p} on {@code op}, whose parent (null at the top) passes see as enclosing op. */
  private Operation runPipeline(OpPipeline p, Operation op, Operation enclosing) {
    Operation current = op;
    for (PipelineElement e : p.elements()) {
      current = switch (e) {
        case OpPipeline nested -> {
          Operation parent = current;
          yield mapChildren(current, nested.opName(), child -> runPipeline(nested, child, parent));
        }
        case PassInvocation pass -> {
          Operation parent = current;
          yield pass.pass().info().anchor() == p.anchor()
              ? runPass(pass, current, enclosing)
              : mapChildren(current, pass.pass().info().anchor().opName,
                  child -> runPass(pass, child, parent));
        }
      };
    }
    return current;
  }

  /** Replaces each op called {@code opName} directly in {@code parent}'s body by {@code fn(op)}. */
  private static Operation mapChildren(Operation parent, String opName,
      UnaryOperator<Operation> fn) {
    Block body = parent.body();
    List<Operation> ops = new ArrayList<>(body.operations().size());
    boolean changed = false;
    for (Operation child : body.operations()) {
      Operation next = child.is(opName) ? fn.apply(child) : child;
      changed |= next != child;
      ops.add(next);
    }
    return changed ? parent.withBody(body.withOperations(ops)) : parent;
  }

  private Operation runPass(PassInvocation invocation, Operation op, Operation enclosing) {
    String name = invocation.name();
    if (config.printIrBefore()) {
      dump("Before", name, op);
    }
    PassContext context = new PassContext(invocation.options(), config.diagnostics(), enclosing);
    Operation result;
    try {
      result = invocation.pass().run(op, context);
    } catch (DiagnosticException e) {
      throw new DiagnosticException(e.diagnostics().stream()
          .map(d -> d.severity() == Diagnostic.Severity.ERROR
              ? new Diagnostic(d.location().isKnown() ? d.location() : op.location(),
                  d.severity(), "pass '" + name + "' failed: " + d.message())
              : d)
          .toList());
    } catch (RuntimeException | StackOverflowError e) {
      throw new DiagnosticException(op.location(), "pass '" + name + "' crashed: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    if (result == null || !result.name().equals(op.name())) {
      throw new DiagnosticException(op.location(), "pass '" + name + "' returned "
          + (result == null ? "nothing" : "a '" + result.name() + "'") + " for a '" + op.name()
          + "'");
    }
    if (result != op) {
      List<Diagnostic> errors = config.verifier().verify(result);
      if (!errors.isEmpty()) {
        throw new DiagnosticException(errors.stream()
            .map(d -> new Diagnostic(d.location(), d.severity(),
                "verification failed after pass '" + name + "': " + d.message()))
            .toList());
      }
    }
    if (config.printIrAfter()) {
      dump("After", name, result);
    }
    return result;
  }

  private void dump(String when, String passName, Operation op) {
    config.dumpOutput().accept("// -----// IR Dump " + when + " " + passName + " //----- //\n"
        + config.printer().apply(op));
  }
}
