// A small FileCheck: matches CHECK directives of a check file against a tool's output.
package dev.colt.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LLVM FileCheck's core for lit-style tests: {@code CHECK}, {@code CHECK-NEXT},
 * {@code CHECK-SAME}, {@code CHECK-EMPTY}, {@code CHECK-NOT}, {@code CHECK-DAG} and
 * {@code CHECK-LABEL} (with any prefix), patterns with {@code {{regex}}}, captures
 * {@code [[NAME:regex]]}, uses {@code [[NAME]]} and the check line's number {@code [[@LINE]]},
 * {@code [[@LINE+N]]}, {@code [[@LINE-N]]}. Runs of spaces and tabs in a pattern match any
 * run of horizontal whitespace; leading and trailing whitespace is ignored. A pattern matches within
 * one line. {@link #check} returns null on success and a readable report otherwise.
 */
public final class FileCheck {
  /** Directive kinds. */
  enum Kind { PLAIN, NEXT, SAME, EMPTY, NOT, DAG, LABEL }

  /** One check line of the check file. */
  record Directive(Kind kind, String pattern, String spelling, int line, String source) {}

  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private record Match(int start, int end) {}

  private final String checkFileName;
  private final String input;
  private final int[] lineStarts;
  private final Map<String, String> variables = new HashMap<>();

  private FileCheck(String checkFileName, String input) {
    this.checkFileName = checkFileName;
    this.input = input;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Checks {@code input} against the directives with {@code prefix} in {@code checkText}. Returns
   * null when every directive holds, otherwise a report naming the check line, what was expected
   * and where in the input the search started. A check file without any directive is an error.
   */
  public static String check(String checkText, String checkFileName, String input,
      String prefix) {
    List<Directive> directives;
    try {
      directives = parseDirectives(checkText, prefix);
    } catch (Failure f) {
      return checkFileName + ": " + f.getMessage();
    }
    if (directives.isEmpty()) {
      return checkFileName + ": no check strings found with prefix '" + prefix + ":'";
    }
    FileCheck fc = new FileCheck(checkFileName, input);
    try {
      fc.run(directives);
      return null;
    } catch (Failure f) {
      return f.getMessage();
    }
  }

  static List<Directive> parseDirectives(String checkText, String prefix) {
    Pattern p = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(prefix)
        + "(-NEXT|-SAME|-EMPTY|-NOT|-DAG|-LABEL)?:(.*)$");
    List<Directive> out = new ArrayList<>();
    String[] lines = checkText.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = p.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      String suffix = m.group(1) == null ? "" : m.group(1);
      Kind kind = switch (suffix) {
        case "-NEXT" -> Kind.NEXT;
        case "-SAME" -> Kind.SAME;
        case "-EMPTY" -> Kind.EMPTY;
        case "-NOT" -> Kind.NOT;
        case "-DAG" -> Kind.DAG;
        case "-LABEL" -> Kind.LABEL;
        default -> Kind.PLAIN;
      };
      String pattern = m.group(2).strip();
      if (pattern.isEmpty() && kind != Kind.EMPTY) {
        throw new Failure((i + 1) + ": found empty check string with prefix '" + prefix
            + suffix + ":'");
      }
      if ((kind == Kind.NEXT || kind == Kind.SAME || kind == Kind.EMPTY) && out.isEmpty()) {
        throw new Failure((i + 1) + ": found '" + prefix + suffix
            + "' without a previous '" + prefix + ": line");
      }
      out.add(new Directive(kind, pattern, prefix + suffix, i + 1, lines[i].strip()));
    }
    return out;
  }

  private void run(List<Directive> directives) {
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < directives.size(); i++) {
      if (directives.get(i).kind() == Kind.LABEL) {
        labels.add(i);
      }
    }
    // Labels first: each splits the input into the blocks the other directives are confined to.
    List<Match> labelMatches = new ArrayList<>();
    int pos = 0;
    for (int idx : labels) {
      Directive d = directives.get(idx);
      Match m = search(d, compile(d, null), pos, input.length());
      if (m == null) {
        throw notFound(d, pos);
      }
      matchAndBind(d, m.start());
      labelMatches.add(m);
      pos = m.end();
    }
    int firstEnd = labels.isEmpty() ? directives.size() : labels.get(0);
    int firstRegionEnd = labels.isEmpty() ? input.length() : labelMatches.get(0).start();
    runSegment(directives.subList(0, firstEnd), 0, firstRegionEnd, -1);
    for (int k = 0; k < labels.size(); k++) {
      Match m = labelMatches.get(k);
      int end = k + 1 < labels.size() ? labels.get(k + 1) : directives.size();
      int regionEnd = k + 1 < labels.size() ? labelMatches.get(k + 1).start() : input.length();
      runSegment(directives.subList(labels.get(k) + 1, end), m.end(), regionEnd,
          lineOf(m.start()));
    }
  }

  /** Runs non-label directives between {@code from} and {@code regionEnd}. */
  private void runSegment(List<Directive> ds, int from, int regionEnd, int startLine) {
    int pos = from;
    int lastLine = startLine;
    List<Directive> nots = new ArrayList<>();
    int i = 0;
    while (i < ds.size()) {
      Directive d = ds.get(i);
      switch (d.kind()) {
        case NOT -> {
          nots.add(d);
          i++;
        }
        case DAG -> {
          List<Match> taken = new ArrayList<>();
          int groupStart = pos;
          int end = pos;
          while (i < ds.size() && ds.get(i).kind() == Kind.DAG) {
            Directive dag = ds.get(i);
            Match m = searchAvoiding(dag, groupStart, regionEnd, taken);
            if (m == null) {
              throw notFound(dag, groupStart);
            }
            taken.add(m);
            end = Math.max(end, m.end());
            i++;
          }
          int earliest = taken.stream().mapToInt(Match::start).min().orElse(pos);
          checkNots(nots, pos, earliest);
          nots.clear();
          pos = end;
          lastLine = lineOf(Math.max(end - 1, 0));
        }
        case EMPTY -> {
          int next = lastLine + 1;
          if (next >= lineStarts.length || !lineText(next).isEmpty()) {
            throw fail(d, "expected an empty line", next < lineStarts.length
                ? lineStarts[next] : input.length());
          }
          checkNots(nots, pos, lineStarts[next]);
          nots.clear();
          pos = lineStarts[next];
          lastLine = next;
          i++;
        }
        default -> {
          int searchFrom = pos;
          Match m = search(d, compile(d, null), searchFrom, regionEnd);
          if (m == null) {
            throw notFound(d, searchFrom);
          }
          int line = lineOf(m.start());
          if (d.kind() == Kind.NEXT && line != lastLine + 1) {
            throw fail(d, line == lastLine ? "is on the same line as the previous match"
                : "is not on the line after the previous match", m.start());
          }
          if (d.kind() == Kind.SAME && line != lastLine) {
            throw fail(d, "is not on the same line as the previous match", m.start());
          }
          checkNots(nots, pos, m.start());
          nots.clear();
          matchAndBind(d, m.start());
          pos = m.end();
          lastLine = line;
          i++;
        }
      }
    }
    checkNots(nots, pos, regionEnd);
  }

  private void checkNots(List<Directive> nots, int from, int to) {
    for (Directive n : nots) {
      Match m = search(n, compile(n, null), from, to);
      if (m != null) {
        throw fail(n, "excluded string found in input", m.start());
      }
    }
  }

  private Match searchAvoiding(Directive d, int from, int to, List<Match> taken) {
    Pattern p = compile(d, null);
    int start = from;
    while (true) {
      Match m = search(d, p, start, to);
      if (m == null) {
        return null;
      }
      boolean overlaps = taken.stream().anyMatch(t -> m.start() < t.end() && t.start() < m.end());
      if (!overlaps) {
        matchAndBind(d, m.start());
        return m;
      }
      start = m.start() + 1;
    }
  }

  /** Finds the first match at or after {@code from} and before {@code to}, line by line. */
  private Match search(Directive d, Pattern p, int from, int to) {
    int line = lineOf(from);
    Matcher m = p.matcher(input);
    while (line < lineStarts.length && lineStarts[line] <= to) {
      int start = Math.max(from, lineStarts[line]);
      int end = Math.min(to, lineEnd(line));
      if (start <= end) {
        m.region(start, end);
        if (m.find()) {
          return new Match(m.start(), m.end());
        }
      }
      line++;
    }
    return null;
  }

  /** Matches {@code d} at {@code at} again and records the variables it defines. */
  private void matchAndBind(Directive d, int at) {
    Map<String, String> groups = new HashMap<>();
    Pattern p = compile(d, groups);
    Matcher m = p.matcher(input);
    m.region(at, lineEnd(lineOf(at)));
    if (m.lookingAt()) {
      groups.forEach((name, group) -> variables.put(name, m.group(group)));
    }
  }

  /** Builds the regex of a pattern; fills {@code groups} with variable name to group name. */
  private Pattern compile(Directive d, Map<String, String> groups) {
    String s = d.pattern();
    StringBuilder re = new StringBuilder();
    Map<String, String> local = groups == null ? new HashMap<>() : groups;
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < s.length()) {
      if (s.startsWith("{{", i)) {
        int close = s.indexOf("}}", i + 2);
        if (close < 0) {
          throw fail(d, "unterminated '{{' in the pattern", -1);
        }
        flushLiteral(literal, re);
        re.append("(?:").append(s, i + 2, close).append(")");
        i = close + 2;
      } else if (s.startsWith("[[", i)) {
        int close = s.indexOf("]]", i + 2);
        if (close < 0) {
          throw fail(d, "unterminated '[[' in the pattern", -1);
        }
        flushLiteral(literal, re);
        String body = s.substring(i + 2, close);
        int colon = body.indexOf(':');
        if (body.matches("@LINE([+-]\\d+)?")) {
          int offset = body.length() > 5 ? Integer.parseInt(body.substring(5).replace("+", ""))
              : 0;
          re.append(d.line() + offset);
        } else if (colon >= 0) {
          String name = body.substring(0, colon);
          String group = "v" + local.size();
          local.put(name, group);
          re.append("(?<").append(group).append(">").append(body.substring(colon + 1))
              .append(")");
        } else if (local.containsKey(body)) {
          re.append("\\k<").append(local.get(body)).append(">");
        } else if (variables.containsKey(body)) {
          re.append(Pattern.quote(variables.get(body)));
        } else {
          throw fail(d, "uses undefined variable '" + body + "'", -1);
        }
        i = close + 2;
      } else {
        literal.append(s.charAt(i));
        i++;
      }
    }
    flushLiteral(literal, re);
    try {
      return Pattern.compile(re.toString());
    } catch (PatternSyntaxException e) {
      throw fail(d, "has an invalid regular expression: " + e.getDescription(), -1);
    }
  }

  private static void flushLiteral(StringBuilder literal, StringBuilder re) {
    String[] parts = literal.toString().split("[ \t]+", -1);
    for (int k = 0; k < parts.length; k++) {
      if (k > 0) {
        re.append("[ \\t]+");
      }
      if (!parts[k].isEmpty()) {
        re.append(Pattern.quote(parts[k]));
      }
    }
    literal.setLength(0);
  }

  private int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private int lineEnd(int line) {
    return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : input.length();
  }

  private String lineText(int line) {
    return input.substring(lineStarts[line], lineEnd(line));
  }

  private Failure notFound(Directive d, int from) {
    return fail(d, "expected string not found in input", from);
  }

  private Failure fail(Directive d, String what, int inputOffset) {
    StringBuilder sb = new StringBuilder();
    sb.append(checkFileName).append(':').append(d.line()).append(": error: ")
        .append(d.spelling()).append(": ").append(what).append('\n')
        .append("  ").append(d.source()).append('\n');
    if (inputOffset >= 0) {
      int line = lineOf(Math.min(inputOffset, input.length()));
      sb.append("<stdin>:").append(line + 1).append(':')
          .append(Math.min(inputOffset, input.length()) - lineStarts[line] + 1)
          .append(": note: scanning from here\n  ").append(lineText(line)).append('\n');
    }
    if (!variables.isEmpty()) {
      sb.append("  variables: ").append(variables).append('\n');
    }
    return new Failure(sb.toString());
  }
}
