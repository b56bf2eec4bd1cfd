// Runs the lit-style tests of the loop transformation passes in testdata/transforms.
package dev.colt.pass.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import dev.colt.pass.IrVerifier;
import dev.colt.pass.PassManager;
import dev.colt.pass.PassRegistry;
import dev.colt.pass.PipelineParser;
import dev.colt.testing.FileCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each {@code RUN: colt-opt %s --pass-pipeline='...'} line: runs the pipeline in process and
 * either FileChecks the printed module against the file's CHECK lines, or (with
 * {@code --verify-diagnostics}) compares remarks and errors with the
 * {@code expected-remark@+N {{text}}} / {@code expected-error@+N {{text}}} annotations.
 */
class LoopPassLitTest {
  private static final Pattern PIPELINE = Pattern.compile("--pass-pipeline='([^']*)'");
  private static final Pattern EXPECTED = Pattern.compile(
      "expected-(remark|error)(?:@([+-]\\d+))? \\{\\{(.*?)\\}\\}");

  static Stream<Path> files() throws IOException {
    return Files.list(Path.of("testdata/transforms")).filter(p -> p.toString().endsWith(".mlir"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("files")
  void litFile(Path file) throws IOException {
    String text = Files.readString(file);
    List<String> runs = text.lines().filter(l -> l.startsWith("// RUN:")).toList();
    assertTrue(!runs.isEmpty(), "no RUN line in " + file);
    for (String run : runs) {
      Matcher m = PIPELINE.matcher(run);
      assertTrue(m.find(), "no --pass-pipeline in " + run);
      List<Diagnostic> diags = new ArrayList<>();
      Operation module = Parser.parseModule(text, file.toString());
      PassManager pm = new PassManager(PipelineParser.parse(m.group(1), "<run>",
          PassRegistry.global()), PassManager.Config.of(IrVerifier.NONE)
          .withDiagnostics(diags::add));
      if (run.contains("--verify-diagnostics")) {
        try {
          pm.run(module);
        } catch (DiagnosticException e) {
          diags.addAll(e.diagnostics());
        }
        assertEquals(expected(text), diags.stream()
            .map(d -> d.location().line() + ": " + d.severity().label + " "
                + d.message()).map(LoopPassLitTest::trimToExpectation).sorted().toList()
            .stream().filter(s -> !s.isEmpty()).toList(), file.toString());
      } else {
        String out = Printer.print(pm.run(module));
        String report = FileCheck.check(text, file.toString(), out, "CHECK");
        assertNull(report, () -> report + "\n--- output ---\n" + out);
      }
    }
  }

  private static List<String> expectations;

  private static List<String> expected(String text) {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECTED.matcher(lines[i]);
      while (m.find()) {
        int offset = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        out.add((i + 1 + offset) + ": " + m.group(1) + " " + m.group(3));
      }
    }
    expectations = out;
    return out.stream().sorted().toList();
  }

  /** Shortens an actual diagnostic to the expectation it contains, if any. */
  private static String trimToExpectation(String actual) {
    for (String e : expectations) {
      String[] parts = e.split(" ", 3);
      if (actual.startsWith(parts[0] + " " + parts[1]) && actual.contains(parts[2])) {
        return e;
      }
    }
    return actual;
  }
}
