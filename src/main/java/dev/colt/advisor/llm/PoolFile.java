// Reads an advisor pool file (JSON): the chat models that may join a search, with their settings.
package dev.colt.advisor.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pool file format: an object with an {@code advisors} array; each entry has {@code name},
 * {@code backend} ({@code openai} or {@code ollama}), {@code base-url}, {@code model},
 * {@code size-params} (parameter count, e.g. {@code 7e9}) and optionally {@code price-in} and
 * {@code price-out} (money per million tokens, default 0), {@code timeout-seconds} (60),
 * {@code retries} (2), {@code backoff-ms} (500), {@code temperature} (0.2), {@code api-key-env}
 * (the name of the environment variable holding the API key) and {@code prompt-tokens} (6000).
 * Top-level keys other than {@code advisors} give defaults for every entry. Every problem is
 * reported as a {@link PoolConfigException} naming the file, the entry and the key.
 */
public final class PoolFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = Set.of("name", "backend", "base-url", "model",
      "size-params", "price-in", "price-out", "timeout-seconds", "retries", "backoff-ms",
      "temperature", "api-key-env", "prompt-tokens");

  private PoolFile() {}

  /** Reads {@code file}. Fails with PoolConfigException on any problem, never another exception. */
  public static List<ModelSpec> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new PoolConfigException(file + ": advisor pool file not found");
    } catch (IOException e) {
      throw new PoolConfigException(file + ": cannot read advisor pool file: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses pool file text; {@code source} names it in diagnostics. */
  public static List<ModelSpec> parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where = loc == null ? source : source + ":" + loc.getLineNr() + ":"
          + loc.getColumnNr();
      throw new PoolConfigException(where + ": malformed JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PoolConfigException(source + ": expected a JSON object with an \"advisors\" array");
    }
    JsonNode entries = root.get("advisors");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw new PoolConfigException(source + ": \"advisors\" must be a non-empty array");
    }
    checkKeys(root, source + ": top level", "advisors");
    List<ModelSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String where = source + ": advisor #" + (i + 1);
      if (!e.isObject()) {
        throw new PoolConfigException(where + ": expected an object");
      }
      Entry entry = new Entry(e, root, where);
      String name = entry.string("name", null);
      where = where + " ('" + name + "')";
      entry = new Entry(e, root, where);
      checkKeys(e, where, null);
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
        throw new PoolConfigException(where + ": 'name' may hold letters, digits and . _ : - "
            + "only, starting with a letter or digit");
      }
      if (!names.add(name)) {
        throw new PoolConfigException(where + ": advisor name used twice");
      }
      out.add(entry.spec(name));
    }
    return List.copyOf(out);
  }

  private static void checkKeys(JsonNode object, String where, String extra) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k) && !k.equals(extra)) {
        throw new PoolConfigException(where + ": unknown key '" + k + "'; known keys: "
            + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
  }

  /** One entry with the file's top-level defaults behind it. */
  private record Entry(JsonNode node, JsonNode defaults, String where) {
    private JsonNode value(String key) {
      JsonNode v = node.get(key);
      return v == null || v.isNull() ? defaults.get(key) : v;
    }

    String string(String key, String fallback) {
      JsonNode v = value(key);
      if (v == null || v.isNull()) {
        if (fallback == null) {
          throw new PoolConfigException(where + ": missing '" + key + "'");
        }
        return fallback;
      }
      if (!v.isTextual() || v.asText().isBlank()) {
        throw new PoolConfigException(where + ": '" + key + "' must be a non-empty string");
      }
      return v.asText();
    }

    double number(String key, double fallback, double min, boolean strict) {
      JsonNode v = value(key);
      if (v == null) {
        if (Double.isNaN(fallback)) {
          throw new PoolConfigException(where + ": missing '" + key + "'");
        }
        return fallback;
      }
      if (!v.isNumber()) {
        throw new PoolConfigException(where + ": '" + key + "' must be a number, got " + v);
      }
      double d = v.asDouble();
      if (strict ? !(d > min) : !(d >= min)) {
        throw new PoolConfigException(where + ": '" + key + "' must be " + (strict ? "above "
            : "at least ") + (min == Math.rint(min) ? Long.toString((long) min) : min)
            + ", got " + v);
      }
      return d;
    }

    ModelSpec spec(String name) {
      String backendText = string("backend", null);
      ModelSpec.Backend backend;
      try {
        backend = ModelSpec.Backend.valueOf(backendText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new PoolConfigException(where + ": unknown backend '" + backendText
            + "'; expected openai or ollama");
      }
      String baseUrl = string("base-url", null);
      try {
        URI uri = new URI(baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getHost() == null) {
          throw new URISyntaxException(baseUrl, "expected http://host[:port][/path]");
        }
      } catch (URISyntaxException e) {
        throw new PoolConfigException(where + ": 'base-url' is not an http(s) URL: " + baseUrl);
      }
      String keyEnv = value("api-key-env") == null ? null : string("api-key-env", null);
      if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new PoolConfigException(where + ": 'api-key-env' must name an environment "
            + "variable (letters, digits, _), not hold the key itself");
      }
      double temperature = number("temperature", 0.2, 0, false);
      if (temperature > 2) {
        throw new PoolConfigException(where + ": 'temperature' must be in [0, 2], got "
            + temperature);
      }
      return new ModelSpec(name, backend, baseUrl.replaceAll("/+$", ""),
          string("model", null), number("size-params", Double.NaN, 0, true),
          number("price-in", 0, 0, false), number("price-out", 0, 0, false),
          Duration.ofMillis(Math.round(1000 * number("timeout-seconds", 60, 0, true))),
          (int) integer("retries", 2, 0), integer("backoff-ms", 500, 0), temperature, keyEnv,
          (int) integer("prompt-tokens", 6000, 500));
    }

    private long integer(String key, long fallback, long min) {
      double d = number(key, fallback, min, false);
      if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
        throw new PoolConfigException(where + ": '" + key + "' must be a whole number, got "
            + value(key));
      }
      return (long) d;
    }
  }
}
