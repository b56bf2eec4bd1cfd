// The option values of one scheduled pass: explicitly given values over declared defaults.
package dev.colt.pass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Option values for one pass instance. Only explicitly given values are stored (in the order they
 * were given); {@link #get} falls back to the declared default.
 */
public final class PassOptions {
  private final PassInfo info;
  private final Map<String, Object> explicit;

  private PassOptions(PassInfo info, Map<String, Object> explicit) {
    this.info = info;
    this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(explicit));
  }

  /** Every option at its default. */
  public static PassOptions defaults(PassInfo info) {
    return new PassOptions(info, Map.of());
  }

  /**
   * Options from name to value text, parsed by the declared kinds. Fails with
   * IllegalArgumentException naming the pass and option for an unknown option or a malformed value.
   */
  public static PassOptions parse(PassInfo info, Map<String, String> texts) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      values.put(e.getKey(), parseOne(info, e.getKey(), e.getValue()));
    }
    return new PassOptions(info, values);
  }

  /** Parses one option value; IllegalArgumentException with a user-facing message on failure. */
  static Object parseOne(PassInfo info, String optionName, String text) {
    PassOption<?> option = info.option(optionName);
    if (option == null) {
      String known = info.options().isEmpty() ? "it has no options"
          : "known options: " + info.options().stream().map(PassOption::name)
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException("pass '" + info.name() + "' has no option '"
          + optionName + "' (" + known + ")");
    }
    try {
      return option.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option '" + optionName + "' of pass '" + info.name()
          + "': " + e.getMessage());
    }
  }

  /** A copy with one more explicit value (already parsed to the option's type). */
  public <T> PassOptions with(PassOption<T> option, T value) {
    Map<String, Object> values = new LinkedHashMap<>(explicit);
    values.put(option.name(), value);
    return new PassOptions(info, values);
  }

  public PassInfo info() {
    return info;
  }

  /** The value of {@code option}: the explicit one or the default. */
  @SuppressWarnings("unchecked")
  public <T> T get(PassOption<T> option) {
    Object v = explicit.get(option.name());
    return v == null ? option.defaultValue() : (T) v;
  }

  /** The explicitly given values by option name, in the order given. */
  public Map<String, Object> explicitValues() {
    return explicit;
  }

  /** {@code {a=1 b=2,3}} for the explicit values, or the empty string when there are none. */
  public String format() {
    if (explicit.isEmpty()) {
      return "";
    }
    return explicit.entrySet().stream()
        .map(e -> e.getKey() + "=" + info.option(e.getKey()).formatUnchecked(e.getValue()))
        .collect(Collectors.joining(" ", "{", "}"));
  }

  /** Like {@link #format} but listing every declared option, defaults included. */
  public String formatAll() {
    if (info.options().isEmpty()) {
      return "";
    }
    return info.options().stream()
        .map(o -> o.name() + "=" + o.formatUnchecked(get(o)))
        .collect(Collectors.joining(" ", "{", "}"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PassOptions p && p.info.name().equals(info.name())
        && p.explicit.equals(explicit);
  }

  @Override
  public int hashCode() {
    return info.name().hashCode() * 31 + explicit.hashCode();
  }

  @Override
  public String toString() {
    return info.name() + format();
  }
}
