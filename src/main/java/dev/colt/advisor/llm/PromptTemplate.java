// A prompt template loaded from a resource, with {{named}} placeholders filled from a map.
package dev.colt.advisor.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template: text with {@code {{name}}} placeholders. Filling replaces each placeholder once;
 * values are inserted literally (a value containing braces is not re-expanded).
 */
public final class PromptTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  private final String name;
  private final String text;

  private PromptTemplate(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * Loads {@code dev/colt/advisor/llm/<name>.txt} from the class path. Fails with
   * IllegalStateException when the resource is missing (a packaging error).
   */
  public static PromptTemplate load(String name) {
    String path = name + ".txt";
    try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing prompt resource " + path);
      }
      return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read prompt resource " + path, e);
    }
  }

  /** The placeholder names, in order of first appearance. */
  public Set<String> placeholders() {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * The text with every placeholder replaced. Fails with IllegalArgumentException when a
   * placeholder has no value or a value has no placeholder (both are template bugs).
   */
  public String fill(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (!text.contains("{{" + key + "}}")) {
        throw new IllegalArgumentException("template " + name + " has no placeholder " + key);
      }
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalArgumentException("template " + name + " needs a value for "
            + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
