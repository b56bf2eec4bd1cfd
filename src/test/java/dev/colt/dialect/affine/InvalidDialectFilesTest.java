// Checks testdata/dialect/*-invalid.mlir the way --verify-diagnostics would, with COLT's parser.
package dev.colt.dialect.affine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.text.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each {@code // -----} chunk holds exactly one {@code // expected-error@+1 {{...}}}; parsing the
 * chunk must fail with a diagnostic on the next line containing that text. (The same files run
 * under mlir-opt-22 and colt-opt with --verify-diagnostics; this keeps them honest without a CLI.)
 */
class InvalidDialectFilesTest {
  private static final Pattern EXPECTED = Pattern.compile("expected-error@\\+1 \\{\\{(.*)}}");

  @ParameterizedTest
  @ValueSource(strings = {"affine-invalid.mlir", "memref-invalid.mlir"})
  void everyChunkFailsWhereAnnotated(String name) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("testdata/dialect", name));
    List<List<String>> chunks = new ArrayList<>();
    List<Integer> firstLines = new ArrayList<>();
    chunks.add(new ArrayList<>());
    firstLines.add(1);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("// -----")) {
        chunks.add(new ArrayList<>());
        firstLines.add(i + 2);
      } else {
        chunks.get(chunks.size() - 1).add(lines.get(i));
      }
    }
    assertTrue(chunks.size() > 5, "too few cases in " + name);
    for (int c = 0; c < chunks.size(); c++) {
      List<String> chunk = chunks.get(c);
      int expectedLine = -1;
      String expectedText = null;
      for (int i = 0; i < chunk.size(); i++) {
        Matcher m = EXPECTED.matcher(chunk.get(i));
        if (m.find()) {
          expectedLine = i + 2;
          expectedText = m.group(1);
        }
      }
      if (expectedText == null) {
        fail("chunk at line " + firstLines.get(c) + " of " + name + " has no expected-error");
      }
      String text = String.join("\n", chunk) + "\n";
      try {
        Parser.parseModule(text, name);
        fail("chunk at line " + firstLines.get(c) + " parsed without error");
      } catch (DiagnosticException e) {
        Diagnostic d = e.diagnostics().get(0);
        assertFalse(d.message().isEmpty());
        assertEquals(expectedLine, d.location().line(), d.toString());
        assertTrue(d.message().contains(expectedText), d + " lacks " + expectedText);
      }
    }
  }
}
