// JSON form of traces: {"actions": [{"kind": "tile", "loops": [...], "sizes": [...]}, ...]}.
package dev.colt.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads traces as JSON objects with named fields (no positional arrays): every action
 * has {@code kind}, then {@code loops} (tile, permute, fuse, skew) or {@code loop}, and its
 * parameters ({@code sizes}, {@code factor} (0 = full unroll), {@code width}, {@code arg},
 * optional {@code strip} and {@code dim}, {@code depth}). Malformed JSON or a missing field gives
 * a DiagnosticException.
 */
final class TraceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Location LOC = new Location("<json trace>", 1, 1);

  private TraceJson() {}

  static String write(Trace t) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode arr = root.putArray("actions");
    for (Action a : t.actions()) {
      ObjectNode n = arr.addObject();
      n.put("kind", a.kind());
      switch (a) {
        case Action.Tile x -> {
          x.loops().forEach(n.putArray("loops")::add);
          x.sizes().forEach(n.putArray("sizes")::add);
        }
        case Action.Permute x -> x.order().forEach(n.putArray("loops")::add);
        case Action.Unroll x -> n.put("loop", x.loop()).put("factor", x.factor());
        case Action.UnrollAndJam x -> n.put("loop", x.loop()).put("factor", x.factor());
        case Action.Vectorize x -> n.put("loop", x.loop()).put("width", x.width());
        case Action.ScalarReplace x -> n.put("loop", x.loop());
        case Action.Hoist x -> n.put("loop", x.loop());
        case Action.Parallelize x -> n.put("loop", x.loop());
        case Action.Pack x -> {
          n.put("loop", x.loop()).put("arg", x.arg());
          if (x.strip() != 0) {
            n.put("strip", x.strip());
          }
          if (x.dim() != -1) {
            n.put("dim", x.dim());
          }
        }
        case Action.Fuse x -> {
          n.putArray("loops").add(x.first()).add(x.second());
          n.put("depth", x.depth());
        }
        case Action.Normalize x -> n.put("loop", x.loop());
        case Action.Skew x -> {
          n.putArray("loops").add(x.outer()).add(x.inner());
          n.put("factor", x.factor());
        }
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a trace", e);
    }
  }

  static Trace read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DiagnosticException(LOC, "malformed JSON trace: " + e.getOriginalMessage());
    }
    JsonNode arr = root == null ? null : root.get("actions");
    if (arr == null || !arr.isArray()) {
      throw new DiagnosticException(LOC, "a JSON trace needs an \"actions\" array");
    }
    List<Action> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : arr) {
      i++;
      String kind = text(n, "kind", i);
      out.add(switch (kind) {
        case "tile" -> new Action.Tile(strings(n, "loops", i), longs(n, "sizes", i));
        case "permute" -> new Action.Permute(strings(n, "loops", i));
        case "unroll" -> new Action.Unroll(text(n, "loop", i), number(n, "factor", i));
        case "unroll-and-jam" -> new Action.UnrollAndJam(text(n, "loop", i),
            number(n, "factor", i));
        case "vectorize" -> new Action.Vectorize(text(n, "loop", i), (int) number(n, "width", i));
        case "scalar-replace" -> new Action.ScalarReplace(text(n, "loop", i));
        case "hoist" -> new Action.Hoist(text(n, "loop", i));
        case "parallelize" -> new Action.Parallelize(text(n, "loop", i));
        case "pack" -> new Action.Pack(text(n, "loop", i), (int) number(n, "arg", i),
            n.has("strip") ? number(n, "strip", i) : 0,
            n.has("dim") ? (int) number(n, "dim", i) : -1);
        case "fuse" -> {
          List<String> loops = pairOf(n, i);
          yield new Action.Fuse(loops.get(0), loops.get(1), (int) number(n, "depth", i));
        }
        case "normalize" -> new Action.Normalize(text(n, "loop", i));
        case "skew" -> {
          List<String> loops = pairOf(n, i);
          yield new Action.Skew(loops.get(0), loops.get(1), number(n, "factor", i));
        }
        default -> throw new DiagnosticException(LOC, "action " + i + ": unknown kind '" + kind
            + "'");
      });
    }
    return new Trace(out);
  }

  private static JsonNode field(JsonNode n, String key, int i) {
    JsonNode v = n.get(key);
    if (v == null) {
      throw new DiagnosticException(LOC, "action " + i + ": missing \"" + key + "\"");
    }
    return v;
  }

  private static String text(JsonNode n, String key, int i) {
    JsonNode v = field(n, key, i);
    if (!v.isTextual()) {
      throw new DiagnosticException(LOC, "action " + i + ": \"" + key + "\" must be a string");
    }
    return v.asText();
  }

  private static long number(JsonNode n, String key, int i) {
    JsonNode v = field(n, key, i);
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new DiagnosticException(LOC, "action " + i + ": \"" + key + "\" must be an integer");
    }
    return v.asLong();
  }

  private static List<String> strings(JsonNode n, String key, int i) {
    JsonNode v = field(n, key, i);
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new DiagnosticException(LOC, "action " + i + ": \"" + key + "\" must hold strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  private static List<String> pairOf(JsonNode n, int i) {
    List<String> loops = strings(n, "loops", i);
    if (loops.size() != 2) {
      throw new DiagnosticException(LOC, "action " + i + ": \"loops\" must name two loops");
    }
    return loops;
  }

  private static List<Long> longs(JsonNode n, String key, int i) {
    JsonNode v = field(n, key, i);
    List<Long> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isIntegralNumber()) {
        throw new DiagnosticException(LOC, "action " + i + ": \"" + key
            + "\" must hold integers");
      }
      out.add(e.asLong());
    }
    return out;
  }
}
