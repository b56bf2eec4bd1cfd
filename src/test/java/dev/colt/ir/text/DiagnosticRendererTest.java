// Tests for rendering diagnostics with the source line and a caret.
package dev.colt.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.Location;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  @Test
  void rendersLocationMessageLineAndCaret() {
    String src = "line one\n  bad token here\nline three\n";
    String out = new DiagnosticRenderer(src)
        .render(Diagnostic.error(new Location("k.mlir", 2, 7), "unexpected 'token'"));
    assertEquals("k.mlir:2:7: error: unexpected 'token'\n  bad token here\n      ^\n", out);
  }

  @Test
  void tabsAreKeptSoTheCaretLinesUp() {
    String out = new DiagnosticRenderer("\tx y").render(
        Diagnostic.error(new Location("f", 1, 4), "m"));
    assertEquals("f:1:4: error: m\n\tx y\n\t  ^\n", out);
  }

  @Test
  void unknownLocationHasNoSourceLine() {
    String out = new DiagnosticRenderer("abc").render(Diagnostic.error(Location.UNKNOWN, "m"));
    assertEquals("<unknown>: error: m\n", out);
  }

  @Test
  void caretAtEndOfFileSitsAfterTheLastCharacter() {
    String out = new DiagnosticRenderer("ab").render(
        Diagnostic.error(new Location("f", 1, 3), "eof"));
    assertEquals("f:1:3: error: eof\nab\n  ^\n", out);
  }
}
