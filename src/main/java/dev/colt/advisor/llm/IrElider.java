// Shortens MLIR text for prompts: keeps function and loop structure, elides runs of body ops.
package dev.colt.advisor.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Text-level IR trimming. A line is structural when it opens or closes a region (a function, a
 * loop, an {@code affine.if}, or a lone closing brace); the others are body operations. Level 1
 * keeps up to {@link #KEPT_OPS} body operations of each run, level 2 keeps structure only; each
 * elided run becomes one comment line {@code // ... N ops} at its indentation. Level 3 also cuts
 * the text to its first {@code maxLines} lines.
 */
public final class IrElider {
  /** Body operations kept per run at level 1. */
  public static final int KEPT_OPS = 3;

  private IrElider() {}

  /** {@code ir} trimmed to {@code level} (0: unchanged). */
  public static String elide(String ir, int level, int maxLines) {
    if (level <= 0) {
      return ir;
    }
    int keep = level == 1 ? KEPT_OPS : 0;
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String line : ir.split("\n", -1)) {
      if (isStructural(line)) {
        flush(run, keep, out);
        out.add(line);
      } else {
        run.add(line);
      }
    }
    flush(run, keep, out);
    if (level >= 3 && out.size() > maxLines) {
      int cut = out.size() - maxLines;
      out = new ArrayList<>(out.subList(0, maxLines));
      out.add("// ... " + cut + " more lines");
    }
    return String.join("\n", out);
  }

  private static void flush(List<String> run, int keep, List<String> out) {
    List<String> ops = run.stream().filter(l -> !l.isBlank()).toList();
    if (ops.size() <= keep + 1) {
      out.addAll(ops);
    } else {
      out.addAll(ops.subList(0, keep));
      String first = ops.get(keep);
      String indent = first.substring(0, first.length() - first.stripLeading().length());
      out.add(indent + "// ... " + (ops.size() - keep) + " ops");
    }
    run.clear();
  }

  static boolean isStructural(String line) {
    String t = line.strip();
    return t.endsWith("{") || t.startsWith("}") || t.startsWith("func.func")
        || t.startsWith("module") || t.startsWith("return") || t.startsWith("func.return");
  }
}
