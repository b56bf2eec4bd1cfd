// Prints one progress line per search event and a closing summary, for terminals and logs.
package dev.colt.search;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A listener that writes a line per measurement ({@code [ 12/64] 1.84x best 3.10x <- heuristic:
 * tile i,j sizes=32,32}), per escalation and per benched advisor. Lines go to {@code out} (stderr
 * in the tools, so the IR on stdout stays clean).
 */
public final class ProgressPrinter implements SearchListener {
  private final PrintStream out;
  private final int budget;
  private final String label;

  public ProgressPrinter(PrintStream out, int budget, String label) {
    this.out = out;
    this.budget = budget;
    this.label = label;
  }

  @Override
  public void onEvent(SearchEvent event) {
    switch (event) {
      case SearchEvent.Measured m -> {
        String last = m.trace().isEmpty() ? "" : m.trace().get(m.trace().size() - 1);
        String outcome = m.evaluation().isOk()
            ? String.format(Locale.ROOT, "%6.2fx", m.evaluation().speedup())
            : String.format(Locale.ROOT, "%7s", m.evaluation().status().name().toLowerCase(
                Locale.ROOT));
        out.printf(Locale.ROOT, "%s[%3d/%d] %s  best %6.2fx  <- %s: %s%s%n", prefix(), m.index(),
            budget, outcome, m.bestSpeedup(), m.advisor(), last, m.reused() ? " (recorded)" : "");
      }
      case SearchEvent.Escalated e -> out.printf(Locale.ROOT,
          "%s  course alteration: %s regressed %.2fx -> %.2fx; %s proposed %.2fx (%s)%n",
          prefix(), e.smallAdvisor(), e.parentSpeedup(), e.smallSpeedup(), e.largeAdvisor(),
          e.largeSpeedup(), e.replaced() ? "kept" : "discarded");
      case SearchEvent.AdvisorBudgetReached b -> out.printf(Locale.ROOT,
          "%s  advisor budget reached after %d measurements: %s; stopping%n", prefix(),
          b.index(), advisorBudgetText(b));
      case SearchEvent.AdvisorFailed f -> {
        if (f.benched()) {
          out.printf(Locale.ROOT, "%s  warning: advisor %s benched after repeated failures (%s)%n",
              prefix(), f.advisor(), f.reason());
        }
      }
    }
  }

  private String prefix() {
    return label == null || label.isEmpty() ? "" : label + " ";
  }

  private static String advisorBudgetText(SearchEvent.AdvisorBudgetReached b) {
    StringBuilder sb = new StringBuilder();
    if (b.tokenBudget() > 0) {
      sb.append(String.format(Locale.ROOT, "%d of %d tokens", b.tokens(), b.tokenBudget()));
    }
    if (b.moneyBudget() > 0) {
      sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.4f of %.4f money",
          b.money(), b.moneyBudget()));
    }
    return sb.toString();
  }

  /**
   * Writes the end-of-run summary: best speedup, trace, then a table of the advisors (calls and
   * share, errors, hit rate, escalations, tokens in/out, latency, money) with a total row.
   */
  public void summary(SearchResult<?> r) {
    out.printf(Locale.ROOT,
        "%ssearch done: %d measurements in %.1f s, best %.2fx (overhead %.1f%%)%n", prefix(),
        r.measurements(), r.wallMillis() / 1000.0, r.bestSpeedup(), 100 * r.overheadShare());
    for (String step : r.bestTrace()) {
      out.println("  " + step);
    }
    if (r.advisors().isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "  %-16s %5s %6s %6s %8s %5s %10s %10s %10s %10s%n", "advisor",
        "calls", "share", "errors", "hit-rate", "escal", "tokens-in", "tokens-out", "latency-s",
        "money");
    int totalCalls = r.advisors().stream().mapToInt(AdvisorStats::calls).sum();
    for (AdvisorStats s : r.advisors()) {
      out.printf(Locale.ROOT, "  %-16s %5d %5.1f%% %6d %8.2f %5d %10d %10d %10.2f %10.4f%s%n",
          s.name(), s.calls(), totalCalls == 0 ? 0.0 : 100.0 * s.calls() / totalCalls, s.errors(),
          s.hitRate(), s.escalations(), s.tokensIn(), s.tokensOut(), s.latencyMillis() / 1000.0,
          s.money(), s.benched() ? " (benched)" : "");
    }
    AdvisorStats t = AdvisorStats.total(r.advisors());
    out.printf(Locale.ROOT, "  %-16s %5d %6s %6d %8.2f %5d %10d %10d %10.2f %10.4f%n", "total",
        t.calls(), "", t.errors(), t.hitRate(), t.escalations(), t.tokensIn(), t.tokensOut(),
        t.latencyMillis() / 1000.0, t.money());
  }
}
