// Source locations for diagnostics (file, line, column); never printed into IR.
package dev.colt.ir;

/** A position in a source file; {@link #UNKNOWN} when an op was built rather than parsed. */
public record Location(String file, int line, int column) {
  public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
