// Parses mlir-opt style pipeline text into a PipelineElement tree with located errors.
package dev.colt.pass;

import dev.colt.ir.DiagnosticException;
import dev.colt.ir.Location;
import dev.colt.pass.PipelineElement.OpPipeline;
import dev.colt.pass.PipelineElement.PassInvocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for {@code builtin.module(func.func(canonicalize,cse),some-pass{opt=1 list=1,2})}. The top
 * level must be one {@code builtin.module(...)}. A {@code func.func} pass listed directly in
 * {@code builtin.module(...)} runs on every function of the module; a module pass inside
 * {@code func.func(...)} is rejected. Option values may be quoted ({@code "a b"}) or braced
 * ({@code {a b}}). Lines starting with {@code //} are comments.
 *
 * <p>Every failure is a {@link DiagnosticException} located at the offending character of the text
 * (file name {@code sourceName}).
 */
public final class PipelineParser {
  private final String text;
  private final String sourceName;
  private final PassRegistry registry;
  private int pos;

  private PipelineParser(String text, String sourceName, PassRegistry registry) {
    this.text = text;
    this.sourceName = sourceName;
    this.registry = registry;
  }

  /** Parses a whole pipeline; see the class comment for the grammar and failures. */
  public static OpPipeline parse(String text, String sourceName, PassRegistry registry) {
    PipelineParser p = new PipelineParser(text, sourceName, registry);
    p.skipSpace();
    int start = p.pos;
    String name = p.name();
    if (name.isEmpty()) {
      throw p.error(start, "expected a pipeline like builtin.module(func.func(canonicalize))");
    }
    p.skipSpace();
    if (!name.equals("builtin.module")) {
      throw p.error(start, "a pipeline must start with builtin.module(...), e.g. "
          + "builtin.module(func.func(" + name + "))");
    }
    OpPipeline root = p.opPipeline(name, null, start);
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error(p.pos, "unexpected '" + text.charAt(p.pos) + "' after the pipeline");
    }
    return root;
  }

  private OpPipeline opPipeline(String opName, PassInfo.Anchor parent, int start) {
    PassInfo.Anchor anchor = PassInfo.Anchor.ofOpName(opName);
    if (anchor == null) {
      throw error(start, "cannot nest a pipeline on '" + opName
          + "': passes run on builtin.module or func.func");
    }
    if (parent == PassInfo.Anchor.FUNCTION
        || (parent == PassInfo.Anchor.MODULE && anchor == PassInfo.Anchor.MODULE)) {
      throw error(start, "'" + opName + "' cannot be nested inside '" + parent.opName + "'");
    }
    expect('(');
    List<PipelineElement> elements = new ArrayList<>();
    skipSpace();
    if (!peek(')')) {
      while (true) {
        elements.add(element(anchor));
        skipSpace();
        if (peek(',')) {
          pos++;
          continue;
        }
        break;
      }
    }
    expect(')');
    return new OpPipeline(opName, elements);
  }

  private PipelineElement element(PassInfo.Anchor parent) {
    skipSpace();
    int start = pos;
    String name = name();
    if (name.isEmpty()) {
      throw error(start, pos < text.length() ? "expected a pass name, got '" + text.charAt(pos)
          + "'" : "expected a pass name, got the end of the pipeline");
    }
    skipSpace();
    if (peek('(')) {
      return opPipeline(name, parent, start);
    }
    Pass pass = registry.lookup(name);
    if (pass == null) {
      throw error(start, "unknown pass '" + name + "' (colt-opt --list-passes lists them)");
    }
    PassInfo info = pass.info();
    if (parent == PassInfo.Anchor.FUNCTION && info.anchor() == PassInfo.Anchor.MODULE) {
      throw error(start, "pass '" + name + "' runs on builtin.module and cannot be nested "
          + "inside func.func");
    }
    PassOptions options = PassOptions.defaults(info);
    if (peek('{')) {
      options = options(info);
    }
    return new PassInvocation(pass, options);
  }

  private PassOptions options(PassInfo info) {
    expect('{');
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Integer> starts = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (peek('}')) {
        pos++;
        break;
      }
      if (pos >= text.length()) {
        throw error(pos, "unterminated option list of pass '" + info.name() + "': missing '}'");
      }
      int keyStart = pos;
      while (pos < text.length() && isNameChar(text.charAt(pos)) && text.charAt(pos) != '.') {
        pos++;
      }
      String key = text.substring(keyStart, pos);
      if (key.isEmpty()) {
        throw error(pos, "expected an option name in the options of pass '" + info.name()
            + "', got '" + text.charAt(pos) + "'");
      }
      String value;
      if (peek('=')) {
        pos++;
        value = optionValue(info, key);
      } else {
        value = "true";
      }
      if (texts.containsKey(key)) {
        throw error(keyStart, "option '" + key + "' of pass '" + info.name() + "' given twice");
      }
      texts.put(key, value);
      starts.put(key, keyStart);
    }
    Map<String, Object> parsed = new LinkedHashMap<>();
    PassOptions options = PassOptions.defaults(info);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      try {
        parsed.put(e.getKey(), PassOptions.parseOne(info, e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw error(starts.get(e.getKey()), ex.getMessage());
      }
    }
    for (Map.Entry<String, Object> e : parsed.entrySet()) {
      options = withUnchecked(options, info.option(e.getKey()), e.getValue());
    }
    return options;
  }

  @SuppressWarnings("unchecked")
  private static <T> PassOptions withUnchecked(PassOptions options, PassOption<T> option,
      Object value) {
    return options.with(option, (T) value);
  }

  private String optionValue(PassInfo info, String key) {
    if (peek('"')) {
      int start = pos++;
      int end = text.indexOf('"', pos);
      if (end < 0) {
        throw error(start, "unterminated string in option '" + key + "' of pass '"
            + info.name() + "'");
      }
      pos = end + 1;
      return text.substring(start + 1, end);
    }
    if (peek('{')) {
      int start = pos;
      int depth = 0;
      do {
        if (pos >= text.length()) {
          throw error(start, "unbalanced '{' in option '" + key + "' of pass '" + info.name()
              + "'");
        }
        char c = text.charAt(pos++);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      } while (depth > 0);
      return text.substring(start + 1, pos - 1);
    }
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
        && text.charAt(pos) != '}') {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String name() {
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    skipSpace();
    if (!peek(c)) {
      throw error(pos, "expected '" + c + "'" + (pos < text.length() ? ", got '"
          + text.charAt(pos) + "'" : " at the end of the pipeline"));
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && text.startsWith("//", pos)) {
        int nl = text.indexOf('\n', pos);
        pos = nl < 0 ? text.length() : nl + 1;
      } else {
        break;
      }
    }
  }

  private DiagnosticException error(int offset, String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new DiagnosticException(new Location(sourceName, line, offset - lineStart + 1),
        message);
  }
}
