// Generates the markdown page of a pass from its PassInfo, running its example for the "after" half.
package dev.colt.pass;

import dev.colt.ir.Operation;
import dev.colt.ir.Verifier;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;

/**
 * The doc page {@code passes/NAME.md} of a pass: summary, anchor, description, options table and the
 * example before and after the pass. Deterministic: the same registry gives the same text.
 */
public final class PassDocs {
  private PassDocs() {}

  /** The pipeline that runs {@code info}'s pass alone with the example's options. */
  public static String examplePipeline(PassInfo info) {
    String opts = info.example().options().isBlank() ? "" : "{" + info.example().options() + "}";
    String pass = info.name() + opts;
    return info.anchor() == PassInfo.Anchor.FUNCTION
        ? "builtin.module(func.func(" + pass + "))" : "builtin.module(" + pass + ")";
  }

  /**
   * The markdown page. Fails with DiagnosticException when the example does not parse or the pass
   * fails on it, and with IllegalStateException when the example declares an output the pass does
   * not produce (both are bugs in the pass's declaration).
   */
  public static String markdown(Pass pass, PassRegistry registry) {
    PassInfo info = pass.info();
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(info.name()).append("\n\n");
    sb.append(info.summary()).append(".\n\n");
    sb.append("Runs on: `").append(info.anchor().opName).append("`\n\n");
    if (!info.description().isBlank()) {
      sb.append(info.description().strip()).append("\n\n");
    }
    sb.append("## Options\n\n");
    if (info.options().isEmpty()) {
      sb.append("None.\n\n");
    } else {
      sb.append("| Option | Type | Default | Description |\n|---|---|---|---|\n");
      for (PassOption<?> o : info.options()) {
        sb.append("| `").append(o.name()).append("` | ").append(o.kind().typeName())
            .append(" | `").append(o.formattedDefault()).append("` | ")
            .append(o.description().replace("|", "\\|")).append(" |\n");
      }
      sb.append('\n');
    }
    if (info.example().isPresent()) {
      String pipeline = examplePipeline(info);
      Operation before = Parser.parseModule(info.example().before(), info.name() + " example");
      PassManager pm = new PassManager(
          PipelineParser.parse(pipeline, "<doc pipeline>", registry),
          PassManager.Config.of(Verifier::verify));
      Operation after = pm.run(before);
      String printed = Printer.print(after).strip();
      if (!info.example().after().isBlank() && !info.example().after().strip().equals(printed)) {
        throw new IllegalStateException("the example of pass '" + info.name()
            + "' declares an output that differs from what the pass produces:\n" + printed);
      }
      sb.append("## Example\n\n");
      sb.append("`colt-opt --pass-pipeline='").append(pipeline).append("'`\n\n");
      sb.append("Before:\n\n```mlir\n").append(info.example().before().strip()).append("\n```\n\n");
      sb.append("After:\n\n```mlir\n").append(printed).append("\n```\n");
    }
    return sb.toString();
  }
}
