// Reads an advisor's answer tolerantly: JSON (fenced, with prose or trailing commas) or plain text.
package dev.colt.advisor.llm;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns answer text into menu indices and a next-advisor name. It accepts the requested object
 * {@code {"actions": [...], "next": "...", "why": "..."}} and also: a fenced block, prose around
 * the object, a reasoning model's {@code <think>...</think>} block before it, trailing commas,
 * single quotes, aliases ({@code action}, {@code mutators}, {@code next_advisor},
 * {@code next_model} ...), one action instead of a list, actions given as
 * numbered text ({@code "3: tile ..."}) or as menu text (matched exactly, then ignoring case and
 * spacing, then by a unique nearest edit distance), and, without any JSON, {@code actions: 3, 5}
 * and {@code next: name} lines. A next-advisor name is corrected to the unique nearest pool name
 * within a small edit distance; otherwise it is returned as given (the search then falls back).
 */
public final class AnswerParser {
  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final List<String> ACTION_KEYS = List.of("actions", "action", "mutators",
      "mutator", "transformations", "transformation", "steps", "step", "choices", "choice");
  private static final List<String> NEXT_KEYS = List.of("next", "next_advisor", "nextAdvisor",
      "next_model", "nextModel", "advisor", "model", "next-advisor");
  private static final List<String> WHY_KEYS = List.of("why", "reason", "rationale",
      "explanation");
  private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");
  private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```",
      Pattern.DOTALL);
  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\[?#?(\\d+)\\]?(?:[:.)\\s]|$)");
  private static final Pattern TEXT_ACTIONS = Pattern.compile(
      "(?i)\\b(?:actions?|mutators?)\\b\"?\\s*[:=]?\\s*\\[?\\s*(\\d+(?:\\s*,\\s*\\d+)*)");
  private static final Pattern TEXT_NEXT = Pattern.compile(
      "(?i)\\bnext(?:[ _-]?(?:advisor|model))?\\b\"?\\s*[:=]\\s*\"?([A-Za-z0-9][A-Za-z0-9._:-]*)");

  /** A parsed answer; {@code next} is null when the answer named none. */
  public record Answer(List<Integer> actions, String next, String why) {
    public Answer {
      actions = List.copyOf(actions);
    }
  }

  /** An answer that gives no usable action; the message says why, for logs and retry prompts. */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    public Rejected(String message) {
      super(message);
    }
  }

  private AnswerParser() {}

  /**
   * Parses {@code text} against the request's menu and pool. Fails with Rejected when there is no
   * action, an action is not on the menu, or nothing can be read.
   */
  public static Answer parse(String text, List<String> menu, List<String> advisors)
      throws Rejected {
    if (text == null || text.isBlank()) {
      throw new Rejected("empty answer");
    }
    text = THINKING.matcher(text).replaceAll("");
    JsonNode object = findObject(text);
    if (object == null) {
      return parsePlainText(text, menu, advisors);
    }
    JsonNode actions = field(object, ACTION_KEYS);
    if (actions == null) {
      throw new Rejected("the answer has no \"actions\"");
    }
    List<Integer> indices = new ArrayList<>();
    if (actions.isArray()) {
      for (JsonNode a : actions) {
        indices.add(resolveAction(a, menu));
      }
    } else {
      indices.add(resolveAction(actions, menu));
    }
    if (indices.isEmpty()) {
      throw new Rejected("\"actions\" is empty");
    }
    JsonNode next = field(object, NEXT_KEYS);
    JsonNode why = field(object, WHY_KEYS);
    return new Answer(indices, next == null || !next.isValueNode() ? null
        : resolveAdvisor(next.asText(), advisors), why == null ? "" : why.asText());
  }

  /** The first JSON object in the text (inside a fence when there is one), or null. */
  private static JsonNode findObject(String text) {
    Matcher fence = FENCE.matcher(text);
    List<String> candidates = new ArrayList<>();
    while (fence.find()) {
      candidates.add(fence.group(1));
    }
    candidates.add(text);
    for (String c : candidates) {
      for (int start = c.indexOf('{'); start >= 0; start = c.indexOf('{', start + 1)) {
        int end = matchingBrace(c, start);
        if (end < 0) {
          break;
        }
        try {
          JsonNode n = LENIENT.readTree(c.substring(start, end + 1));
          if (n != null && n.isObject()) {
            return n;
          }
        } catch (java.io.IOException e) {
          // not this brace; try the next one
        }
      }
    }
    return null;
  }

  /** The index of the brace closing the one at {@code start}, skipping strings; -1 if none. */
  private static int matchingBrace(String s, int start) {
    int depth = 0;
    char quote = 0;
    for (int i = start; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '{') {
        depth++;
      } else if (ch == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode field(JsonNode object, List<String> keys) {
    for (String k : keys) {
      for (var it = object.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().equalsIgnoreCase(k) && !e.getValue().isNull()) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  private static int resolveAction(JsonNode a, List<String> menu) throws Rejected {
    if (a.isObject()) {
      JsonNode inner = field(a, List.of("index", "id", "number", "action", "text"));
      if (inner == null) {
        throw new Rejected("cannot read action " + a);
      }
      return resolveAction(inner, menu);
    }
    if (a.isNumber()) {
      double d = a.asDouble();
      if (d != Math.rint(d)) {
        throw new Rejected("action " + a + " is not a menu number");
      }
      return checked((int) d, menu);
    }
    return resolveActionText(a.asText(), menu);
  }

  private static int resolveActionText(String raw, List<String> menu) throws Rejected {
    String s = raw.strip();
    Matcher m = LEADING_NUMBER.matcher(s);
    if (m.find()) {
      return checked(Integer.parseInt(m.group(1)), menu);
    }
    String wanted = normalize(s);
    for (int i = 0; i < menu.size(); i++) {
      if (menu.get(i).equals(s)) {
        return i;
      }
    }
    for (int i = 0; i < menu.size(); i++) {
      if (normalize(menu.get(i)).equals(wanted)) {
        return i;
      }
    }
    int best = nearest(wanted, menu.stream().map(AnswerParser::normalize).toList(),
        Math.max(2, wanted.length() / 5));
    if (best < 0) {
      throw new Rejected("action '" + shorten(raw) + "' is not on the menu");
    }
    return best;
  }

  private static int checked(int index, List<String> menu) throws Rejected {
    if (index < 0 || index >= menu.size()) {
      throw new Rejected("action " + index + " is not on the menu (0.." + (menu.size() - 1)
          + ")");
    }
    return index;
  }

  /**
   * {@code name} if it is in the pool; else the unique pool name nearest to it (ignoring case)
   * within edit distance max(1, length/4); else {@code name} unchanged.
   */
  static String resolveAdvisor(String name, List<String> advisors) {
    String n = name.strip();
    if (advisors.contains(n)) {
      return n;
    }
    List<String> lower = advisors.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    int i = nearest(n.toLowerCase(Locale.ROOT), lower, Math.max(1, n.length() / 4));
    return i < 0 ? n : advisors.get(i);
  }

  private static Answer parsePlainText(String text, List<String> menu, List<String> advisors)
      throws Rejected {
    Matcher m = TEXT_ACTIONS.matcher(text);
    if (!m.find()) {
      throw new Rejected("no JSON object and no 'actions:' line in the answer");
    }
    List<Integer> indices = new ArrayList<>();
    for (String part : m.group(1).split(",")) {
      indices.add(checked(Integer.parseInt(part.strip()), menu));
    }
    Matcher n = TEXT_NEXT.matcher(text);
    return new Answer(indices, n.find() ? resolveAdvisor(n.group(1), advisors) : null, "");
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\"'`]", "").replaceAll("\\s+", " ").strip();
  }

  /** The index of the unique candidate nearest to {@code s} within {@code limit}; else -1. */
  private static int nearest(String s, List<String> candidates, int limit) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (int i = 0; i < candidates.size(); i++) {
      int d = editDistance(s, candidates.get(i));
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    return best >= 0 && !tie && bestDistance <= limit ? best : -1;
  }

  /** Edit distance with adjacent transpositions (optimal string alignment). */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
