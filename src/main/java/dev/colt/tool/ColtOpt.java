// colt-opt: parses IR, runs a pass pipeline, prints IR; the mlir-opt of COLT.
package dev.colt.tool;

import dev.colt.dialect.graph.onnx.ModelLoader;
import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.DiagnosticRenderer;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import dev.colt.pass.Pass;
import dev.colt.pass.PassDocs;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassManager;
import dev.colt.pass.PassOption;
import dev.colt.pass.PassRegistry;
import dev.colt.pass.PipelineElement.OpPipeline;
import dev.colt.pass.PipelineParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The colt-opt command. Reads a file (or stdin for {@code -}), parses and verifies it, runs the pass
 * pipeline and prints the result. Errors are printed as {@code FILE:LINE:COL: error: MESSAGE} with
 * the source line and a caret, and give exit status 1. Passes can also be named as flags, like
 * mlir-opt: {@code --cse --canonicalize=max-iterations=3}.
 */
@Command(name = "colt-opt", mixinStandardHelpOptions = true, version = "colt-opt 0.1",
    description = "Parses COLT/MLIR affine IR, runs a pass pipeline and prints the result.",
    sortOptions = false)
public final class ColtOpt implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE",
      description = "Input file (IR text, or an ONNX model ending in .onnx), or - for standard"
          + " input (default).")
  String input;

  @Option(names = "-o", paramLabel = "FILE", description = "Output file (default: stdout).")
  String output;

  @Option(names = "--pass-pipeline", paramLabel = "PIPELINE",
      description = "Pipeline text, e.g. builtin.module(func.func(canonicalize,cse)).")
  String passPipeline;

  @Option(names = "--pipeline-file", paramLabel = "FILE",
      description = "Read the pipeline from a file, e.g. passes/canonicalize.pipeline.")
  Path pipelineFile;

  @Option(names = "--split-input-file",
      description = "Process each '// -----' separated chunk of the input on its own.")
  boolean splitInputFile;

  @Option(names = "--verify-diagnostics",
      description = "Check diagnostics against expected-error/-warning/-remark/-note comments.")
  boolean verifyDiagnostics;

  @Option(names = "--list-passes", description = "List the passes with their options and exit.")
  boolean listPasses;

  @Option(names = "--dump-pass-pipeline",
      description = "Print the pipeline to stderr before running it.")
  boolean dumpPassPipeline;

  @Option(names = "--print-ir-before-all", description = "Print the IR before each pass.")
  boolean printIrBeforeAll;

  @Option(names = "--print-ir-after-all", description = "Print the IR after each pass.")
  boolean printIrAfterAll;

  @Option(names = "--generate-pass-docs", paramLabel = "DIR",
      description = "Write one markdown page per pass into DIR and exit.")
  Path passDocsDir;

  @Unmatched
  List<String> passFlags = new ArrayList<>();

  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintStream stderr;

  private ColtOpt(InputStream stdin, PrintStream stdout, PrintStream stderr) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs colt-opt in this process; returns the exit status. Never throws for bad input. */
  public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    return Cli.execute(new ColtOpt(stdin, stdout, stderr), args, stdout, stderr);
  }

  @Override
  public Integer call() {
    PassRegistry registry = PassRegistry.global();
    if (listPasses) {
      stdout.print(listing(registry));
      return 0;
    }
    if (passDocsDir != null) {
      return generateDocs(registry);
    }
    String pipelineText;
    String pipelineSource;
    try {
      if (passPipeline != null && pipelineFile != null) {
        return usageError("give --pass-pipeline or --pipeline-file, not both");
      }
      if (pipelineFile != null) {
        pipelineText = Files.readString(pipelineFile, StandardCharsets.UTF_8);
        pipelineSource = pipelineFile.toString();
      } else if (passPipeline != null) {
        pipelineText = passPipeline;
        pipelineSource = "<pass-pipeline>";
      } else {
        pipelineText = PassFlags.toPipeline(passFlags, registry);
        pipelineSource = "<pass flags>";
      }
      if (passPipeline != null || pipelineFile != null) {
        if (!passFlags.isEmpty()) {
          return usageError("unknown option '" + passFlags.get(0) + "'");
        }
      }
    } catch (IOException e) {
      stderr.println("colt-opt: error: cannot read " + pipelineFile + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
    OpPipeline pipeline;
    try {
      pipeline = PipelineParser.parse(pipelineText, pipelineSource, registry);
    } catch (DiagnosticException e) {
      stderr.print(new DiagnosticRenderer(pipelineText).render(e));
      return 1;
    }
    if (dumpPassPipeline) {
      stderr.println(pipeline);
    }
    if (!input.equals("-") && ModelLoader.isOnnx(Path.of(input))) {
      return processModel(Path.of(input), pipeline);
    }
    String fileName = input.equals("-") ? "<stdin>" : input;
    String source;
    try {
      source = input.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(input), StandardCharsets.UTF_8);
    } catch (IOException e) {
      stderr.println("colt-opt: error: cannot read " + fileName + ": " + e.getMessage());
      return 1;
    }
    return process(source, fileName, pipeline);
  }

  /** An ONNX model: imported into graph IR (see ModelLoader), then run like parsed text. */
  private int processModel(Path file, OpPipeline pipeline) {
    List<Diagnostic> produced = new ArrayList<>();
    Operation result = null;
    try {
      result = new PassManager(pipeline, passConfig(produced)).run(ModelLoader.load(file));
    } catch (DiagnosticException e) {
      produced.addAll(e.diagnostics());
    }
    boolean failed = false;
    for (Diagnostic d : produced) {
      stderr.print(new DiagnosticRenderer(null).render(d));
      failed |= d.severity() == Diagnostic.Severity.ERROR;
    }
    if (result != null && !writeOutput(Printer.print(result))) {
      return 1;
    }
    return failed ? 1 : 0;
  }

  private PassManager.Config passConfig(List<Diagnostic> produced) {
    return PassManager.Config.of(Verifier::verify).withDiagnostics(produced::add)
        .withDumps(printIrBeforeAll, printIrAfterAll, Printer::print, stderr::print);
  }

  private int process(String source, String fileName, OpPipeline pipeline) {
    DiagnosticRenderer renderer = new DiagnosticRenderer(source);
    StringBuilder out = new StringBuilder();
    boolean failed = false;
    List<SourceChunk> chunks = SourceChunk.split(source, splitInputFile);
    for (int i = 0; i < chunks.size(); i++) {
      SourceChunk chunk = chunks.get(i);
      List<Diagnostic> produced = new ArrayList<>();
      Operation result = null;
      try {
        Operation module = Parser.parseModule(chunk.paddedText(), fileName);
        result = new PassManager(pipeline, passConfig(produced)).run(module);
      } catch (DiagnosticException e) {
        produced.addAll(e.diagnostics());
      }
      if (verifyDiagnostics) {
        List<Diagnostic> problems = ExpectedDiagnostics.check(
            ExpectedDiagnostics.parse(chunk, fileName), produced);
        for (Diagnostic d : problems) {
          stderr.print(renderer.render(d));
        }
        failed |= !problems.isEmpty();
      } else {
        for (Diagnostic d : produced) {
          stderr.print(renderer.render(d));
          failed |= d.severity() == Diagnostic.Severity.ERROR;
        }
      }
      if (result != null) {
        if (i > 0 && !out.isEmpty()) {
          out.append(SourceChunk.SEPARATOR).append('\n');
        }
        out.append(Printer.print(result));
      }
    }
    if (!writeOutput(out.toString())) {
      return 1;
    }
    return failed ? 1 : 0;
  }

  private boolean writeOutput(String text) {
    if (output == null || output.equals("-")) {
      stdout.print(text);
      stdout.flush();
      return true;
    }
    try {
      Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      stderr.println("colt-opt: error: cannot write " + output + ": " + e.getMessage());
      return false;
    }
  }

  private int usageError(String message) {
    stderr.println("colt-opt: error: " + message);
    return 1;
  }

  private int generateDocs(PassRegistry registry) {
    try {
      Files.createDirectories(passDocsDir);
      for (Pass p : registry.all()) {
        if (p.info().isTestPass()) {
          continue;
        }
        Path file = passDocsDir.resolve(p.info().name() + ".md");
        Files.writeString(file, PassDocs.markdown(p, registry), StandardCharsets.UTF_8);
        stdout.println("wrote " + file);
      }
      return 0;
    } catch (IOException e) {
      stderr.println("colt-opt: error: cannot write pass docs: " + e.getMessage());
      return 1;
    } catch (DiagnosticException e) {
      stderr.print(new DiagnosticRenderer(null).render(e));
      return 1;
    } catch (IllegalStateException e) {
      stderr.println("colt-opt: error: " + e.getMessage());
      return 1;
    }
  }

  /** The text of {@code --list-passes}. */
  static String listing(PassRegistry registry) {
    StringBuilder sb = new StringBuilder("Available passes:\n");
    for (Pass p : registry.all()) {
      PassInfo info = p.info();
      sb.append("  ").append(info.name()).append(" (on ").append(info.anchor().opName)
          .append(")  - ").append(info.summary()).append('\n');
      for (PassOption<?> o : info.options()) {
        sb.append("      ").append(o.name()).append('=').append('<').append(o.kind().typeName())
            .append("> (default ").append(o.formattedDefault()).append(")  ")
            .append(o.description()).append('\n');
      }
    }
    return sb.toString();
  }

  /** Picocli wiring shared by the tools: output streams, exit codes, no stack traces. */
  static final class Cli {
    private Cli() {}

    static int execute(Object command, String[] args, PrintStream stdout, PrintStream stderr) {
      CommandLine cl = new CommandLine(command);
      cl.setOut(new java.io.PrintWriter(stdout, true));
      cl.setErr(new java.io.PrintWriter(stderr, true));
      cl.setParameterExceptionHandler((ex, a) -> {
        stderr.println(cl.getCommandName() + ": error: " + ex.getMessage());
        stderr.println("Try '" + cl.getCommandName() + " --help' for more information.");
        return 1;
      });
      cl.setExecutionExceptionHandler((ex, c, p) -> {
        stderr.println(cl.getCommandName() + ": internal error: " + ex);
        return 1;
      });
      return cl.execute(args);
    }
  }
}
