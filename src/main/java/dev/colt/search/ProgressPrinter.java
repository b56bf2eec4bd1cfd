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
   * Writes the end-of-run summary: best speedup, trace, overhead, and per advisor its calls, share,
   * errors, hit rate, escalations, tokens in/out, money and mean latency, then the pool's total.
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
    int totalCalls = r.advisors().stream().mapToInt(AdvisorStats::calls).sum();
    for (AdvisorStats s : r.advisors()) {
      out.println(advisorLine("advisor " + s.name(), s, totalCalls));
    }
    out.println(advisorLine("total", AdvisorStats.total(r.advisors()), totalCalls));
  }

  /** One summary line: calls and share, errors, hit rate, escalations, then the costs if any. */
  private static String advisorLine(String label, AdvisorStats s, int totalCalls) {
    return String.format(Locale.ROOT,
        "  %-24s calls %3d (%4.1f%%) errors %2d hit rate %4.2f escalations %d%s%s%s%s", label,
        s.calls(), totalCalls == 0 ? 0.0 : 100.0 * s.calls() / totalCalls, s.errors(),
        s.hitRate(), s.escalations(),
        s.tokensIn() + s.tokensOut() > 0 ? String.format(Locale.ROOT, " tokens %d/%d",
            s.tokensIn(), s.tokensOut()) : "",
        s.money() > 0 ? String.format(Locale.ROOT, " cost %.4f", s.money()) : "",
        s.calls() > 0 && s.latencyMillis() > 0 ? String.format(Locale.ROOT,
            " latency %.0f ms/call", s.latencyMillis() / s.calls()) : "",
        s.benched() ? " (benched)" : "");
  }
}
