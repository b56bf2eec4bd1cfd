// Renders an advisor request as system and user messages from the templates, within a token budget.
package dev.colt.advisor.llm;

import dev.colt.search.AdvisorStats;
import dev.colt.search.AdvisorView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds prompts from {@code system.txt}, {@code user.txt} and (for course alteration)
 * {@code correction.txt}. When the estimate (about four characters per token) exceeds
 * {@code tokenBudget}, parts are shortened in this order until it fits: the parent's and then the
 * node's IR bodies (runs of operations elided, then structure only), the parent's IR dropped, the
 * trace and the tried list cut to their last entries, the node's IR cut to its first lines, and
 * last the action menu cut to its first entries (numbers stay those of the full menu). A prompt
 * that still does not fit is sent as it is.
 */
public final class PromptBuilder {
  private static final PromptTemplate SYSTEM = PromptTemplate.load("system");
  private static final PromptTemplate USER = PromptTemplate.load("user");
  private static final PromptTemplate CORRECTION = PromptTemplate.load("correction");
  private static final PromptTemplate RETRY = PromptTemplate.load("retry");

  private final int tokenBudget;
  private final double largeShareTarget;

  /**
   * @param tokenBudget estimated tokens of system and user message together
   * @param largeShareTarget the share of calls the largest advisor should stay near, in (0, 1]
   */
  public PromptBuilder(int tokenBudget, double largeShareTarget) {
    this.tokenBudget = tokenBudget;
    this.largeShareTarget = largeShareTarget;
  }

  /** About four characters per token, rounded up. */
  public static int estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }

  /** How far each part of the user message is shortened. */
  private record Trim(int nodeLevel, int parentLevel, boolean dropParent, int traceKeep,
      int triedKeep, int nodeLines, int menuKeep) {
    static final Trim NONE = new Trim(0, 0, false, Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /** The prompt for {@code view}, trimmed to the budget. */
  public ChatChannel.Prompt build(AdvisorView<?, ?> view) {
    String system = system(view);
    List<Trim> steps = new ArrayList<>();
    Trim t = Trim.NONE;
    steps.add(t);
    steps.add(t = new Trim(0, 1, false, t.traceKeep, t.triedKeep, t.nodeLines, t.menuKeep));
    steps.add(t = new Trim(1, 1, false, t.traceKeep, t.triedKeep, t.nodeLines, t.menuKeep));
    steps.add(t = new Trim(1, 2, false, t.traceKeep, t.triedKeep, t.nodeLines, t.menuKeep));
    steps.add(t = new Trim(2, 2, false, t.traceKeep, t.triedKeep, t.nodeLines, t.menuKeep));
    steps.add(t = new Trim(2, 2, true, t.traceKeep, t.triedKeep, t.nodeLines, t.menuKeep));
    steps.add(t = new Trim(2, 2, true, 6, 6, t.nodeLines, t.menuKeep));
    steps.add(t = new Trim(3, 2, true, 6, 6, 40, t.menuKeep));
    steps.add(t = new Trim(3, 2, true, 3, 3, 12, t.menuKeep));
    for (int keep = view.menuText().size() / 2; keep >= 8; keep /= 2) {
      steps.add(new Trim(3, 2, true, 3, 3, 12, keep));
    }
    String user = "";
    for (Trim step : steps) {
      user = user(view, step);
      if (estimateTokens(system) + estimateTokens(user) <= tokenBudget) {
        break;
      }
    }
    return new ChatChannel.Prompt(system, user, names(view));
  }

  /** {@code prompt} extended with the reason its previous answer was rejected. */
  public ChatChannel.Prompt retry(ChatChannel.Prompt prompt, String reason) {
    return new ChatChannel.Prompt(prompt.system(), RETRY.fill(Map.of("request", prompt.user(),
        "reason", reason)), prompt.advisorNames());
  }

  private static List<String> names(AdvisorView<?, ?> view) {
    return view.advisors().stream().filter(s -> !s.benched()).map(AdvisorStats::name).toList();
  }

  private String system(AdvisorView<?, ?> view) {
    List<AdvisorStats> pool = view.advisors().stream()
        .sorted(Comparator.comparingDouble(AdvisorStats::sizeParams)).toList();
    StringBuilder lines = new StringBuilder();
    for (AdvisorStats s : pool) {
      lines.append("- ").append(s.name()).append(" (").append(size(s.sizeParams()))
          .append(" parameters)").append(s.name().equals(view.self()) ? " - you" : "")
          .append(s.benched() ? " - benched, do not choose" : "").append('\n');
    }
    String largest = pool.isEmpty() ? view.self() : pool.get(pool.size() - 1).name();
    return SYSTEM.fill(Map.of("self", view.self(), "pool", lines.toString().stripTrailing(),
        "largest", largest, "large_share_target",
        String.format(Locale.ROOT, "%.0f%%", 100 * largeShareTarget)));
  }

  private String user(AdvisorView<?, ?> view, Trim t) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("node_speedup", speedup(view.nodeSpeedup()));
    v.put("node_ir", IrElider.elide(view.nodeText().strip(), t.nodeLevel, t.nodeLines));
    v.put("parent_speedup", speedup(view.parentSpeedup()));
    v.put("parent_ir", view.parent() == null ? "(none: this node is the original program)"
        : t.dropParent ? "(omitted to fit the prompt budget)"
        : IrElider.elide(view.parentText().strip(), t.parentLevel, Integer.MAX_VALUE));
    v.put("trace_length", Integer.toString(view.trace().size()));
    v.put("trace", numbered(view.trace(), t.traceKeep, 1));
    v.put("tried", view.triedHere().isEmpty() ? "(nothing yet)"
        : lastLines(view.triedHere(), t.triedKeep));
    v.put("recent", view.recentExpanders().isEmpty() ? "(none)"
        : String.join(", ", view.recentExpanders()));
    v.put("stats", stats(view.advisors()));
    v.put("budget_used", Integer.toString(view.measurementsUsed()));
    v.put("budget_total", Integer.toString(view.measurementBudget()));
    v.put("menu", menu(view.menuText(), t.menuKeep));
    String request = USER.fill(v);
    AdvisorView.Correction c = view.correction();
    if (c == null) {
      return request;
    }
    return CORRECTION.fill(Map.of("small_advisor", c.smallAdvisor(), "small_proposal",
        String.join("; ", c.smallProposal()), "parent_speedup", speedup(c.parentSpeedup()),
        "small_speedup", speedup(c.smallChildSpeedup()), "request", request));
  }

  private static String speedup(double s) {
    return Double.isNaN(s) ? "not measured" : String.format(Locale.ROOT, "%.2fx", s);
  }

  /** A parameter count as people write it: 1.5B, 70B, 1000B, 350M. */
  private static String size(double params) {
    boolean billions = params >= 1e9;
    String n = String.format(Locale.ROOT, "%.1f", params / (billions ? 1e9 : 1e6));
    return (n.endsWith(".0") ? n.substring(0, n.length() - 2) : n) + (billions ? "B" : "M");
  }

  private static String numbered(List<String> items, int keepLast, int first) {
    if (items.isEmpty()) {
      return "(none: the original program)";
    }
    StringBuilder out = new StringBuilder();
    int from = Math.max(0, items.size() - keepLast);
    if (from > 0) {
      out.append("  (").append(from).append(" earlier steps not shown)\n");
    }
    for (int i = from; i < items.size(); i++) {
      out.append("  ").append(i + first).append(". ").append(items.get(i)).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String lastLines(List<String> items, int keepLast) {
    int from = Math.max(0, items.size() - keepLast);
    StringBuilder out = new StringBuilder(from > 0 ? "  (" + from + " more not shown)\n" : "");
    for (String s : items.subList(from, items.size())) {
      out.append("  - ").append(s).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String stats(List<AdvisorStats> advisors) {
    int total = advisors.stream().mapToInt(AdvisorStats::calls).sum();
    StringBuilder out = new StringBuilder();
    for (AdvisorStats s : advisors) {
      out.append(String.format(Locale.ROOT,
          "  %s: %s parameters, calls %d (%.0f%% of all), errors %d, hit rate %.2f%s%n", s.name(),
          size(s.sizeParams()), s.calls(), total == 0 ? 0.0 : 100.0 * s.calls() / total,
          s.errors(), s.hitRate(), s.benched() ? ", benched" : ""));
    }
    return out.toString().stripTrailing();
  }

  private static String menu(List<String> menu, int keep) {
    StringBuilder out = new StringBuilder();
    int shown = Math.min(keep, menu.size());
    for (int i = 0; i < shown; i++) {
      out.append("  ").append(i).append(": ").append(menu.get(i)).append('\n');
    }
    if (shown < menu.size()) {
      out.append("  (").append(menu.size() - shown).append(" more actions not shown)\n");
    }
    return out.toString().stripTrailing();
  }
}
