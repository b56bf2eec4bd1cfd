// Parser for the text form of traces: one action per line, '#' comments, located diagnostics on errors.
package dev.colt.schedule;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grammar, per line: {@code KIND LOOPS [key=value ...]} where LOOPS is a comma-separated list of
 * loop handles. Kinds and keys: {@code tile L,.. sizes=N,..}, {@code permute L,..},
 * {@code unroll L factor=N | unroll L full}, {@code unroll-and-jam L factor=N},
 * {@code vectorize L width=N}, {@code scalar-replace L}, {@code hoist L}, {@code parallelize L},
 * {@code pack L arg=N [strip=S [dim=D]]}, {@code fuse F,S depth=N}, {@code normalize L},
 * {@code skew O,I factor=N}.
 * Text after {@code #} and blank lines are ignored. Errors are DiagnosticExceptions located at
 * the offending line and column.
 */
final class TraceText {
  private TraceText() {}

  static Trace parse(String text, String file) {
    List<Action> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int hash = line.indexOf('#');
      String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (body.isEmpty()) {
        continue;
      }
      int col = line.indexOf(body.charAt(0)) + 1;
      out.add(parseLine(body, new Location(file, n + 1, col)));
    }
    return new Trace(out);
  }

  private static Action parseLine(String body, Location loc) {
    String[] words = body.split("\\s+");
    String kind = words[0];
    if (words.length < 2) {
      throw new DiagnosticException(loc, "'" + kind + "' needs a loop handle");
    }
    List<String> loops = Arrays.asList(words[1].split(","));
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    boolean full = false;
    for (int i = 2; i < words.length; i++) {
      String w = words[i];
      int eq = w.indexOf('=');
      if (w.equals("full")) {
        full = true;
      } else if (eq <= 0) {
        throw new DiagnosticException(loc, "expected key=value, got '" + w + "'");
      } else {
        params.put(w.substring(0, eq), w.substring(eq + 1));
      }
    }
    Action a = switch (kind) {
      case "tile" -> new Action.Tile(loops, longs(params, "sizes", loc));
      case "permute" -> new Action.Permute(loops);
      case "unroll" -> new Action.Unroll(single(loops, kind, loc),
          full ? dev.colt.transform.Unroll.FULL : number(params, "factor", loc));
      case "unroll-and-jam" -> new Action.UnrollAndJam(single(loops, kind, loc),
          number(params, "factor", loc));
      case "vectorize" -> new Action.Vectorize(single(loops, kind, loc),
          (int) number(params, "width", loc));
      case "scalar-replace" -> new Action.ScalarReplace(single(loops, kind, loc));
      case "hoist" -> new Action.Hoist(single(loops, kind, loc));
      case "parallelize" -> new Action.Parallelize(single(loops, kind, loc));
      case "pack" -> new Action.Pack(single(loops, kind, loc), (int) number(params, "arg", loc),
          params.containsKey("strip") ? number(params, "strip", loc) : 0,
          params.containsKey("dim") ? (int) number(params, "dim", loc) : -1);
      case "fuse" -> new Action.Fuse(two(loops, kind, loc).get(0), loops.get(1),
          (int) number(params, "depth", loc));
      case "normalize" -> new Action.Normalize(single(loops, kind, loc));
      case "skew" -> new Action.Skew(two(loops, kind, loc).get(0), loops.get(1),
          number(params, "factor", loc));
      default -> throw new DiagnosticException(loc, "unknown action '" + kind + "'");
    };
    java.util.Set<String> allowed = switch (kind) {
      case "tile" -> java.util.Set.of("sizes");
      case "unroll", "unroll-and-jam", "skew" -> java.util.Set.of("factor");
      case "fuse" -> java.util.Set.of("depth");
      case "vectorize" -> java.util.Set.of("width");
      case "pack" -> java.util.Set.of("arg", "strip", "dim");
      default -> java.util.Set.of();
    };
    for (String k : params.keySet()) {
      if (!allowed.contains(k)) {
        throw new DiagnosticException(loc, "'" + kind + "' has no parameter '" + k + "'");
      }
    }
    if (full && !kind.equals("unroll")) {
      throw new DiagnosticException(loc, "only 'unroll' takes 'full'");
    }
    return a;
  }

  private static String single(List<String> loops, String kind, Location loc) {
    if (loops.size() != 1) {
      throw new DiagnosticException(loc, "'" + kind + "' takes one loop, got " + loops);
    }
    return loops.get(0);
  }

  private static List<String> two(List<String> loops, String kind, Location loc) {
    if (loops.size() != 2) {
      throw new DiagnosticException(loc, "'" + kind + "' takes two loops, got " + loops);
    }
    return loops;
  }

  private static long number(java.util.Map<String, String> params, String key, Location loc) {
    String v = params.get(key);
    if (v == null) {
      throw new DiagnosticException(loc, "missing '" + key + "='");
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new DiagnosticException(loc, "'" + key + "' must be an integer, got '" + v + "'");
    }
  }

  private static List<Long> longs(java.util.Map<String, String> params, String key,
      Location loc) {
    String v = params.get(key);
    if (v == null) {
      throw new DiagnosticException(loc, "missing '" + key + "='");
    }
    List<Long> out = new ArrayList<>();
    for (String p : v.split(",")) {
      try {
        out.add(Long.parseLong(p));
      } catch (NumberFormatException e) {
        throw new DiagnosticException(loc, "'" + key + "' must be integers, got '" + v + "'");
      }
    }
    return out;
  }
}
