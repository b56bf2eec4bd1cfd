// One declared option of a pass: kebab-case name, kind, default and description.
package dev.colt.pass;

import java.util.List;

/**
 * A typed pass option declared as data. Construction fails with IllegalArgumentException when the
 * name is not kebab-case ({@code [a-z][a-z0-9]*(-[a-z0-9]+)*}) or the default is null.
 *
 * @param <T> the Java type of the value
 */
public record PassOption<T>(String name, OptionKind<T> kind, T defaultValue, String description) {
  public PassOption {
    if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("pass option name must be kebab-case: " + name);
    }
    if (defaultValue == null) {
      throw new IllegalArgumentException("pass option " + name + " needs a default");
    }
  }

  public static PassOption<Integer> ofInt(String name, int defaultValue, String description) {
    return new PassOption<>(name, new OptionKind.IntKind(), defaultValue, description);
  }

  public static PassOption<Long> ofLong(String name, long defaultValue, String description) {
    return new PassOption<>(name, new OptionKind.LongKind(), defaultValue, description);
  }

  public static PassOption<Double> ofDouble(String name, double defaultValue, String description) {
    return new PassOption<>(name, new OptionKind.DoubleKind(), defaultValue, description);
  }

  public static PassOption<Boolean> ofBool(String name, boolean defaultValue, String description) {
    return new PassOption<>(name, new OptionKind.BoolKind(), defaultValue, description);
  }

  public static PassOption<String> ofString(String name, String defaultValue, String description) {
    return new PassOption<>(name, new OptionKind.StringKind(), defaultValue, description);
  }

  public static PassOption<List<Integer>> ofIntList(String name, List<Integer> defaultValue,
      String description) {
    return new PassOption<>(name, new OptionKind.IntListKind(), List.copyOf(defaultValue),
        description);
  }

  /** An enum option; {@code defaultValue} must be one of {@code values}. */
  public static PassOption<String> ofEnum(String name, List<String> values, String defaultValue,
      String description) {
    if (!values.contains(defaultValue)) {
      throw new IllegalArgumentException("default " + defaultValue + " of option " + name
          + " is not one of " + values);
    }
    return new PassOption<>(name, new OptionKind.EnumKind(values), defaultValue, description);
  }

  /** The default printed as option text. */
  public String formattedDefault() {
    return kind.format(defaultValue);
  }

  /** Parses option text; IllegalArgumentException with a message naming what was expected. */
  public T parse(String text) {
    return kind.parse(text);
  }

  /** Prints a value of this option (unchecked: {@code value} must be of this option's type). */
  @SuppressWarnings("unchecked")
  public String formatUnchecked(Object value) {
    return kind.format((T) value);
  }
}
