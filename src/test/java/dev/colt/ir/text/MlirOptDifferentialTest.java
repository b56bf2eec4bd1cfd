// Differential test: every testdata kernel printed by COLT is accepted by mlir-opt-22 unchanged.
package dev.colt.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.colt.ir.Operation;
import dev.colt.ir.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For each {@code testdata/**}{@code /*.mlir} file without expected diagnostics or split markers:
 * parse and print it with COLT, feed the text to {@code /usr/bin/mlir-opt-22}, require that it is
 * accepted, parse mlir-opt's output back with COLT and require the same ops in the same order with
 * the same result types and attributes, and that COLT prints it exactly as before. The same for a
 * few random modules mixing every dialect's custom forms. Skipped (visibly) when mlir-opt-22 is
 * not installed.
 */
class MlirOptDifferentialTest {
  private static final Path MLIR_OPT = Path.of("/usr/bin/mlir-opt-22");

  static List<Path> kernels() throws IOException {
    Path root = Path.of("testdata");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".mlir")).sorted()
          .filter(p -> {
            try {
              String s = Files.readString(p);
              // Graph IR (COLT's own graph dialect, e.g. testdata/models) is not MLIR's.
              return !s.contains("expected-") && !s.contains("// -----")
                  && !s.contains(" = graph.");
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }).toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> mlirOptAcceptsWhatColtPrints() throws IOException {
    List<Path> files = kernels();
    assertFalse(files.isEmpty(), "no testdata kernels found");
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
  }

  @TestFactory
  Stream<DynamicTest> mlirOptAcceptsRandomModules() {
    return LongStream.range(100, 106).mapToObj(seed -> DynamicTest.dynamicTest(
        "random module " + seed, () -> check(new RandomIr(seed).module(), "seed " + seed)));
  }

  private static void check(Path file) throws Exception {
    check(Parser.parseModule(Files.readString(file), file.toString()), file.toString());
  }

  private static void check(Operation ours, String what) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(MLIR_OPT),
        "mlir-opt-22 is not installed; differential test skipped");
    String printed = Printer.print(ours);
    String theirs = runMlirOpt(printed);
    Operation back = Parser.parseModule(theirs, "mlir-opt output of " + what);
    assertEquals(signature(ours), signature(back), "structure after mlir-opt");
    assertEquals(printed, Printer.print(back), "COLT prints mlir-opt's output as it printed");
  }

  /** One line per op: name, result types and attributes, in walk order. */
  private static List<String> signature(Operation root) {
    List<String> out = new ArrayList<>();
    root.walk(op -> out.add(op.name() + " " + op.results().stream().map(Value::type).toList()
        + " " + op.attributes()));
    return out;
  }

  private static String runMlirOpt(String input) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("colt-mlir-opt");
    try {
      Path in = dir.resolve("in.mlir");
      Path out = dir.resolve("out.mlir");
      Path err = dir.resolve("err.txt");
      Files.writeString(in, input);
      Process p = new ProcessBuilder(MLIR_OPT.toString(), in.toString(), "-o", out.toString())
          .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mlir-opt-22 timed out");
      }
      String errors = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "mlir-opt-22 rejected COLT's output:\n" + errors
          + "\n--- input ---\n" + input);
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
