// Renders diagnostics as `FILE:LINE:COL: error: MESSAGE` with the source line and a caret.
package dev.colt.ir.text;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;

/**
 * Formats diagnostics the way compilers print them: the location and message on one line, then the
 * source line and a caret under the column (when the location is known and inside the source).
 * Tabs in the source line are kept in the caret line so that the caret lines up.
 */
public final class DiagnosticRenderer {
  private final String source;

  /** {@code source} is the text the diagnostics' locations point into (may be null). */
  public DiagnosticRenderer(String source) {
    this.source = source;
  }

  public String render(Diagnostic d) {
    Location l = d.location();
    StringBuilder sb = new StringBuilder();
    sb.append(l.isKnown() ? l.toString() : l.file()).append(": ").append(d.severity().label)
        .append(": ").append(d.message()).append('\n');
    String line = sourceLine(l);
    if (line != null) {
      sb.append(line).append('\n');
      int col = Math.min(Math.max(l.column(), 1), line.length() + 1);
      for (int i = 0; i < col - 1; i++) {
        sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
      }
      sb.append("^\n");
    }
    return sb.toString();
  }

  /** Renders every diagnostic of {@code e}, in order. */
  public String render(DiagnosticException e) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : e.diagnostics()) {
      sb.append(render(d));
    }
    return sb.toString();
  }

  private String sourceLine(Location l) {
    if (source == null || !l.isKnown()) {
      return null;
    }
    int start = 0;
    for (int i = 1; i < l.line(); i++) {
      int nl = source.indexOf('\n', start);
      if (nl < 0) {
        return null;
      }
      start = nl + 1;
    }
    int end = source.indexOf('\n', start);
    String line = source.substring(start, end < 0 ? source.length() : end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
