// colt-run: runs a function of an IR file on the pattern inputs and prints checksums.
package dev.colt.tool;

import dev.colt.dialect.graph.onnx.ModelLoader;
import dev.colt.exec.data.Checksums;
import dev.colt.exec.data.RuntimeValue;
import dev.colt.ir.Attribute;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.ModuleOp;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.DiagnosticRenderer;
import dev.colt.ir.text.Parser;
import dev.colt.lower.graph.GraphToAffine;
import dev.colt.pass.PassManager;
import dev.colt.pass.PassRegistry;
import dev.colt.pass.PipelineParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The colt-run command: parses a file, optionally transforms it with a pipeline, calls one function
 * on the pattern inputs of DESIGN.md and prints the arguments' checksums
 * ({@code arg<a> sum=... abs=...}). Errors are located diagnostics, exit 1.
 */
@Command(name = "colt-run", mixinStandardHelpOptions = true, version = "colt-run 0.1",
    description = "Runs a function of an IR file or .onnx model on the pattern inputs; functions"
        + " on tensors are lowered with lower-graph-to-affine first.", sortOptions = false)
public final class ColtRun implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE",
      description = "Input file (IR text, or an ONNX model ending in .onnx), or - for standard"
          + " input (default).")
  String input;

  @Option(names = "--entry", paramLabel = "NAME",
      description = "Function to run (default: the only function of the module).")
  String entry;

  @Option(names = "--print-checksums",
      description = "Print one 'arg<a> sum=<%%.6e> abs=<%%.6e>' line per memref argument.")
  boolean printChecksums;

  @Option(names = "--pass-pipeline", paramLabel = "PIPELINE",
      description = "Transform the module with this pipeline before running it.")
  String passPipeline;

  @Option(names = "--interpret", description = "Run with the reference interpreter.")
  boolean interpret;

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;

  private ColtRun(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs colt-run in this process; returns the exit status. Never throws for bad input. */
  public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    return ColtOpt.Cli.execute(new ColtRun(stdin, stdout, stderr), args, stdout, stderr);
  }

  @Override
  public Integer call() {
    String fileName = input.equals("-") ? "<stdin>" : input;
    boolean onnx = !input.equals("-") && ModelLoader.isOnnx(Path.of(input));
    String source = null;
    try {
      if (!onnx) {
        source = input.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(Path.of(input), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      stderr.println("colt-run: error: cannot read " + fileName + ": " + e.getMessage());
      return 1;
    }
    String pipelineText = passPipeline == null ? "builtin.module()" : passPipeline;
    DiagnosticRenderer renderer = new DiagnosticRenderer(source);
    try {
      var pipeline = PipelineParser.parse(pipelineText, "<pass-pipeline>", PassRegistry.global());
      Operation module = onnx ? ModelLoader.load(Path.of(input))
          : Parser.parseModule(source, fileName);
      module = new PassManager(pipeline, PassManager.Config.of(Verifier::verify)
          .withDiagnostics(d -> stderr.print(renderer.render(d)))).run(module);
      module = GraphToAffine.lowerModule(module);
      String function = entry != null ? entry : onlyFunction(module);
      if (function == null) {
        stderr.println("colt-run: error: " + fileName
            + " has several functions; choose one with --entry NAME");
        return 1;
      }
      List<RuntimeValue> args = Executor.select(interpret).runWithPatternInputs(module, function);
      if (printChecksums) {
        for (String line : Checksums.lines(args)) {
          stdout.println(line);
        }
      } else {
        stdout.println("ran @" + function + " on pattern inputs (--print-checksums prints "
            + "checksums)");
      }
      stdout.flush();
      return 0;
    } catch (DiagnosticException e) {
      boolean pipelineError = !e.diagnostics().isEmpty()
          && e.diagnostics().get(0).location().file().equals("<pass-pipeline>");
      stderr.print((pipelineError ? new DiagnosticRenderer(pipelineText) : renderer).render(e));
      return 1;
    }
  }

  private static String onlyFunction(Operation module) {
    List<String> names = ModuleOp.body(module).stream().filter(op -> op.is("func.func"))
        .map(op -> op.attr("sym_name") instanceof Attribute.StringAttr s ? s.value() : null)
        .toList();
    return names.size() == 1 ? names.get(0) : null;
  }
}
