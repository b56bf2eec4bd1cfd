// Round-trip checks of custom op syntax against mlir-opt-22's own printing.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.ir.Operation;
import dev.colt.ir.text.Parser;
import dev.colt.ir.text.Printer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parses text, prints it, and compares: with SSA names replaced by a placeholder the output must
 * equal the input (for inputs that mlir-opt printed, so our custom forms are mlir-opt's), printing
 * is idempotent, and where mlir-opt-22 is installed it accepts our output and gives it the same
 * generic form as the input.
 */
public final class SyntaxRoundTrip {
  public static final Path MLIR_OPT = Path.of("/usr/bin/mlir-opt-22");

  private SyntaxRoundTrip() {
  }

  public static String resource(String name) throws IOException {
    try (InputStream in = SyntaxRoundTrip.class.getResourceAsStream("/syntax/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /syntax/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Drops full-line comments and replaces every SSA name by {@code %_}. */
  public static String normalize(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("//") || line.isBlank()) {
        continue;
      }
      sb.append(line.replaceAll("%[A-Za-z_0-9$.-]+(#[0-9]+)?(:[0-9]+)?", "%_")).append('\n');
    }
    return sb.toString();
  }

  /** Parses (with verification) and prints. */
  public static String reprint(String text) {
    Operation module = Parser.parseModule(text, "input.mlir");
    return Printer.print(module);
  }

  /** The full check described in the class comment. */
  public static void check(String canonical) throws IOException, InterruptedException {
    String printed = reprint(canonical);
    assertEquals(normalize(canonical), normalize(printed));
    assertEquals(printed, reprint(printed));
    if (Files.isExecutable(MLIR_OPT)) {
      assertEquals(generic(canonical), generic(printed));
    }
  }

  /** mlir-opt-22's generic form of {@code text}; fails when mlir-opt rejects it. */
  public static String generic(String text) throws IOException, InterruptedException {
    return mlirOpt(text, "--mlir-print-op-generic");
  }

  /** mlir-opt-22's custom-form printing of {@code text}; fails when mlir-opt rejects it. */
  public static String custom(String text) throws IOException, InterruptedException {
    return mlirOpt(text, "--mlir-print-local-scope=false");
  }

  private static String mlirOpt(String text, String option)
      throws IOException, InterruptedException {
    Path in = Files.createTempFile("colt-syntax", ".mlir");
    try {
      Files.writeString(in, text);
      Process p = new ProcessBuilder(List.of(MLIR_OPT.toString(), option, in.toString()))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("mlir-opt-22 timed out");
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("mlir-opt-22 rejected:\n" + text + "\n" + out);
      }
      return out;
    } finally {
      Files.deleteIfExists(in);
    }
  }
}
