// The declaration of a pass as data: name, summary, anchor op, options and an example.
package dev.colt.pass;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a pass declares about itself; docs, {@code --list-passes} and the pipeline parser read it.
 * Construction fails with IllegalArgumentException for a name that is not kebab-case or duplicate
 * option names. Passes whose name starts with {@code test-} are test-only: they are not documented
 * in {@code passes/}.
 *
 * @param name kebab-case pass name used in pipelines
 * @param summary one line
 * @param description longer text for the docs (may be empty)
 * @param anchor the op kind the pass runs on
 * @param options declared options, in the order docs list them
 * @param example IR to run the pass on in the docs
 */
public record PassInfo(String name, String summary, String description, Anchor anchor,
    List<PassOption<?>> options, Example example) {

  /** The op a pass runs on. */
  public enum Anchor {
    MODULE("builtin.module"), FUNCTION("func.func");

    public final String opName;

    Anchor(String opName) {
      this.opName = opName;
    }

    /** The anchor with this op name, or null. */
    public static Anchor ofOpName(String opName) {
      for (Anchor a : values()) {
        if (a.opName.equals(opName)) {
          return a;
        }
      }
      return null;
    }
  }

  /**
   * An example for the docs: input IR, the options to run the pass with (option text such as
   * {@code tile-sizes=4,4}, empty for the defaults) and, optionally, the expected output. The docs
   * show the output of actually running the pass, so it cannot go stale; when {@code after} is not
   * blank it must equal that output (the pass-docs test checks it).
   */
  public record Example(String options, String before, String after) {
    public static final Example NONE = new Example("", "", "");

    /** An example whose output is computed by running the pass. */
    public Example(String options, String before) {
      this(options, before, "");
    }

    public boolean isPresent() {
      return !before.isBlank();
    }
  }

  public PassInfo {
    if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("pass name must be kebab-case: " + name);
    }
    options = List.copyOf(options);
    Set<String> seen = new HashSet<>();
    for (PassOption<?> o : options) {
      if (!seen.add(o.name())) {
        throw new IllegalArgumentException("pass " + name + " declares option " + o.name()
            + " twice");
      }
    }
    description = description == null ? "" : description;
    example = example == null ? Example.NONE : example;
  }

  /** The declared option called {@code optionName}, or null. */
  public PassOption<?> option(String optionName) {
    for (PassOption<?> o : options) {
      if (o.name().equals(optionName)) {
        return o;
      }
    }
    return null;
  }

  /** True for passes that exist only for tests (named {@code test-*}). */
  public boolean isTestPass() {
    return name.startsWith("test-");
  }
}
