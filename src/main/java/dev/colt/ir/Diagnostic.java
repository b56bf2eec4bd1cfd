// A located message: error, warning or remark.
package dev.colt.ir;

/** A diagnostic at a source location; rendering with source line and caret lives in ir.text. */
public record Diagnostic(Location location, Severity severity, String message) {
  /** How serious a diagnostic is. */
  public enum Severity {
    ERROR("error"), WARNING("warning"), REMARK("remark"), NOTE("note");

    public final String label;

    Severity(String label) {
      this.label = label;
    }
  }

  public static Diagnostic error(Location loc, String message) {
    return new Diagnostic(loc, Severity.ERROR, message);
  }

  public static Diagnostic remark(Location loc, String message) {
    return new Diagnostic(loc, Severity.REMARK, message);
  }

  @Override
  public String toString() {
    return location + ": " + severity.label + ": " + message;
  }
}
