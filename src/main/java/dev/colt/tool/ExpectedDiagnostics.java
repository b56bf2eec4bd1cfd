// The expected-error/-warning/-remark/-note comments of --verify-diagnostics, and their check.
package dev.colt.tool;

import dev.colt.ir.Diagnostic;
import dev.colt.ir.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expectations written in the source as mlir-opt's {@code --verify-diagnostics} reads them:
 * {@code // expected-error {{text}}} on the line of the diagnostic, {@code @+N} / {@code @-N} for N
 * lines below / above, {@code @above} / {@code @below} for one line. The text must occur in the
 * produced message. Severities: error, warning, remark, note.
 */
final class ExpectedDiagnostics {
  private static final Pattern DIRECTIVE = Pattern.compile(
      "expected-(error|warning|remark|note)(?:@(above|below|[+-]\\d+))?\\s*\\{\\{(.*?)\\}\\}");

  /** One expectation. */
  record Expected(Diagnostic.Severity severity, int line, String text, Location writtenAt) {}

  private ExpectedDiagnostics() {}

  /** The expectations of a chunk; lines are lines of the whole file. */
  static List<Expected> parse(SourceChunk chunk, String fileName) {
    List<Expected> out = new ArrayList<>();
    String[] lines = chunk.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = DIRECTIVE.matcher(lines[i]);
      int fileLine = chunk.firstLine() + i;
      while (m.find()) {
        Diagnostic.Severity severity = switch (m.group(1)) {
          case "error" -> Diagnostic.Severity.ERROR;
          case "warning" -> Diagnostic.Severity.WARNING;
          case "remark" -> Diagnostic.Severity.REMARK;
          default -> Diagnostic.Severity.NOTE;
        };
        String offset = m.group(2);
        int target = offset == null ? fileLine
            : switch (offset) {
              case "above" -> fileLine - 1;
              case "below" -> fileLine + 1;
              default -> fileLine + Integer.parseInt(offset.startsWith("+")
                  ? offset.substring(1) : offset);
            };
        out.add(new Expected(severity, target, m.group(3),
            new Location(fileName, fileLine, m.start() + 1)));
      }
    }
    return out;
  }

  /**
   * Matches produced diagnostics against expectations. Returns the problems as error diagnostics:
   * produced ones nobody expected ({@code unexpected error: ...}, at the produced location) and
   * expectations nothing produced ({@code expected error "..." was not produced}, at the comment).
   */
  static List<Diagnostic> check(List<Expected> expected, List<Diagnostic> produced) {
    List<Expected> open = new ArrayList<>(expected);
    List<Diagnostic> problems = new ArrayList<>();
    for (Diagnostic d : produced) {
      Expected hit = null;
      for (Expected e : open) {
        if (e.severity() == d.severity() && e.line() == d.location().line()
            && d.message().contains(e.text())) {
          hit = e;
          break;
        }
      }
      if (hit != null) {
        open.remove(hit);
      } else {
        problems.add(Diagnostic.error(d.location(), "unexpected " + d.severity().label + ": "
            + d.message()));
      }
    }
    for (Expected e : open) {
      problems.add(Diagnostic.error(e.writtenAt(), "expected " + e.severity().label + " \""
          + e.text() + "\" was not produced"
          + (e.line() != e.writtenAt().line() ? " (on line " + e.line() + ")" : "")));
    }
    return problems;
  }
}
