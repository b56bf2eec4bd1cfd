// Turns mlir-opt style pass flags (--cse --canonicalize=max-iterations=3) into pipeline text.
package dev.colt.tool;

import dev.colt.pass.Pass;
import dev.colt.pass.PassInfo;
import dev.colt.pass.PassRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code builtin.module(...)} from pass flags, in order: consecutive function passes share
 * one {@code func.func(...)}. Fails with IllegalArgumentException naming an argument that is not
 * a known pass flag.
 */
final class PassFlags {
  private PassFlags() {}

  static String toPipeline(List<String> flags, PassRegistry registry) {
    List<String> elements = new ArrayList<>();
    List<String> functionRun = new ArrayList<>();
    for (String flag : flags) {
      if (!flag.startsWith("-")) {
        throw new IllegalArgumentException("unexpected argument '" + flag + "'");
      }
      String body = flag.replaceFirst("^--?", "");
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      Pass pass = registry.lookup(name);
      if (pass == null) {
        throw new IllegalArgumentException("unknown option or pass '" + flag + "'");
      }
      String text = eq < 0 ? name : name + "{" + body.substring(eq + 1) + "}";
      if (pass.info().anchor() == PassInfo.Anchor.FUNCTION) {
        functionRun.add(text);
      } else {
        flush(functionRun, elements);
        elements.add(text);
      }
    }
    flush(functionRun, elements);
    return "builtin.module(" + String.join(",", elements) + ")";
  }

  private static void flush(List<String> functionRun, List<String> elements) {
    if (!functionRun.isEmpty()) {
      elements.add("func.func(" + String.join(",", functionRun) + ")");
      functionRun.clear();
    }
  }
}
