// The value kinds a pass option can have, each with its parser and canonical printer.
package dev.colt.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * How the text of one pass option value is read and written back. {@link #parse} fails with
 * IllegalArgumentException whose message says what was expected; {@link #format} produces text that
 * {@link #parse} reads back to an equal value.
 *
 * @param <T> the Java type of the value
 */
public sealed interface OptionKind<T> {
  /** A short name of the kind for docs and {@code --list-passes} ({@code int}, {@code int-list}). */
  String typeName();

  T parse(String text);

  String format(T value);

  /** A 32-bit integer. */
  record IntKind() implements OptionKind<Integer> {
    @Override
    public String typeName() {
      return "int";
    }

    @Override
    public Integer parse(String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected an integer, got '" + text + "'");
      }
    }

    @Override
    public String format(Integer value) {
      return value.toString();
    }
  }

  /** A 64-bit integer. */
  record LongKind() implements OptionKind<Long> {
    @Override
    public String typeName() {
      return "long";
    }

    @Override
    public Long parse(String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected an integer, got '" + text + "'");
      }
    }

    @Override
    public String format(Long value) {
      return value.toString();
    }
  }

  /** A double; printed in the shortest form that reads back exactly. */
  record DoubleKind() implements OptionKind<Double> {
    @Override
    public String typeName() {
      return "double";
    }

    @Override
    public Double parse(String text) {
      String t = text.trim();
      if (t.isEmpty() || !t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
        throw new IllegalArgumentException("expected a number, got '" + text + "'");
      }
      return Double.parseDouble(t);
    }

    @Override
    public String format(Double value) {
      return value.toString();
    }
  }

  /** A boolean: {@code true}/{@code false} (also {@code 1}/{@code 0}). */
  record BoolKind() implements OptionKind<Boolean> {
    @Override
    public String typeName() {
      return "bool";
    }

    @Override
    public Boolean parse(String text) {
      return switch (text.trim()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
      };
    }

    @Override
    public String format(Boolean value) {
      return value.toString();
    }
  }

  /**
   * Free text. Printed bare when it has no spaces or pipeline punctuation, else in double quotes, or
   * in braces when it contains a double quote (a value with both a quote and unbalanced braces
   * cannot be written).
   */
  record StringKind() implements OptionKind<String> {
    @Override
    public String typeName() {
      return "string";
    }

    @Override
    public String parse(String text) {
      return text;
    }

    @Override
    public String format(String value) {
      boolean plain = !value.isEmpty() && value.chars().noneMatch(
          c -> Character.isWhitespace(c) || c == '{' || c == '}' || c == '"' || c == '('
              || c == ')' || c == ',');
      if (plain) {
        return value;
      }
      return value.indexOf('"') < 0 ? "\"" + value + "\"" : "{" + value + "}";
    }
  }

  /** A comma-separated list of integers, {@code 32,32,8}; may be empty. */
  record IntListKind() implements OptionKind<List<Integer>> {
    @Override
    public String typeName() {
      return "int-list";
    }

    @Override
    public List<Integer> parse(String text) {
      List<Integer> out = new ArrayList<>();
      if (text.isBlank()) {
        return List.of();
      }
      for (String part : text.split(",", -1)) {
        try {
          out.add(Integer.parseInt(part.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "expected a comma-separated list of integers, got '" + text + "'");
        }
      }
      return List.copyOf(out);
    }

    @Override
    public String format(List<Integer> value) {
      return String.join(",", value.stream().map(String::valueOf).toList());
    }
  }

  /** One of a fixed set of kebab-case words. */
  record EnumKind(List<String> values) implements OptionKind<String> {
    public EnumKind {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("an enum option needs at least one value");
      }
    }

    @Override
    public String typeName() {
      return String.join("|", values);
    }

    @Override
    public String parse(String text) {
      String t = text.trim();
      if (!values.contains(t)) {
        throw new IllegalArgumentException(
            "expected one of " + String.join(", ", values) + ", got '" + text + "'");
      }
      return t;
    }

    @Override
    public String format(String value) {
      return value;
    }
  }
}
