// Tests of the token and money budgets: the search stops when the advisors' summed usage reaches them.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisorBudgetTest {
  /** An advisor climbing the toy space that reports {@code usage} for every call. */
  private static ScriptedAdvisor paying(String name, double size, Usage usage) {
    return new ScriptedAdvisor(name, size, v -> {
      Proposal p = ScriptedAdvisor.pickUntried(v, "inc", name);
      return new Proposal(p.actions(), name, usage, "");
    });
  }

  private static SearchResult<List<Integer>> run(
      List<? extends Advisor<List<Integer>, ToySpace.Step>> pool, SearchConfig c) {
    ToySpace space = new ToySpace(List.of(2, 2, 2, 2));
    return new ColtTreeSearch<>(space, space.evaluator(), pool, c, SearchListener.NONE,
        MeasurementStore.NONE).run();
  }

  private static List<SearchEvent.AdvisorBudgetReached> budgetEvents(SearchResult<?> r) {
    return r.events().stream().filter(e -> e instanceof SearchEvent.AdvisorBudgetReached)
        .map(e -> (SearchEvent.AdvisorBudgetReached) e).toList();
  }

  @Test
  void tokenBudgetStopsTheSearchAtTheCallThatReachesIt() {
    SearchConfig c = SearchConfig.defaults(40).withRandomDepth(0).withAdvisorBudgets(500, 0);
    SearchResult<List<Integer>> r = run(List.of(paying("a", 1e9, new Usage(100, 20, 0, 5))), c);
    AdvisorStats a = r.advisors().get(0);
    assertEquals(5, a.calls(), "480 tokens after 4 calls is under 500, 600 after 5 is not");
    assertEquals(500, a.tokensIn());
    assertEquals(100, a.tokensOut());
    assertEquals(25.0, a.latencyMillis(), 1e-9);
    assertTrue(r.measurements() <= 5, "the search went on after the budget was reached");
    List<SearchEvent.AdvisorBudgetReached> events = budgetEvents(r);
    assertEquals(1, events.size());
    assertEquals(600, events.get(0).tokens());
    assertEquals(500, events.get(0).tokenBudget());
  }

  @Test
  void moneyBudgetCountsEveryAdvisorOfThePool() {
    SearchConfig c = SearchConfig.defaults(40).withRandomDepth(0).withAdvisorBudgets(0, 1.0);
    ScriptedAdvisor small = paying("small", 1e9, new Usage(10, 1, 0.125, 1));
    ScriptedAdvisor large = new ScriptedAdvisor("large", 30e9, v -> {
      Proposal p = ScriptedAdvisor.pickUntried(v, "inc", "small");
      return new Proposal(p.actions(), "small", new Usage(10, 1, 0.5, 1), "");
    });
    SearchResult<List<Integer>> r = run(List.of(small, large), c);
    double money = r.advisors().stream().mapToDouble(AdvisorStats::money).sum();
    assertTrue(money >= 1.0, "stopped early at " + money);
    double lastCall = r.advisors().stream().filter(s -> s.calls() > 0)
        .mapToDouble(s -> s.money() / s.calls()).max().orElseThrow();
    assertTrue(money - lastCall < 1.0, "went on after reaching the budget: " + money);
    assertEquals(money, budgetEvents(r).get(0).money(), 1e-12);
    assertTrue(r.measurements() < 40);
  }

  @Test
  void failedCallsStillSpendTheBudget() {
    Advisor<List<Integer>, ToySpace.Step> failing = new Advisor<>() {
      @Override
      public AdvisorProfile profile() {
        return new AdvisorProfile("f", 1e9, 0);
      }

      @Override
      public Proposal propose(AdvisorView<List<Integer>, ToySpace.Step> view)
          throws AdvisorException {
        throw new AdvisorException("malformed", new Usage(100, 0, 0.01, 1), null);
      }
    };
    SearchConfig c = SearchConfig.defaults(40).withRandomDepth(0).withAdvisorBudgets(300, 0);
    SearchResult<List<Integer>> r = run(List.of(failing), c);
    assertEquals(3, r.advisors().get(0).calls());
    assertEquals(3, r.advisors().get(0).errors());
    assertEquals(300, r.advisors().get(0).tokensIn());
    assertEquals(3, r.measurements(), "each failed call is replaced by one random child");
  }

  @Test
  void zeroBudgetsMeanNoLimit() {
    SearchConfig c = SearchConfig.defaults(12).withRandomDepth(0);
    SearchResult<List<Integer>> r = run(List.of(paying("a", 1e9, new Usage(1000, 1000, 9, 1))), c);
    assertEquals(12, r.measurements());
    assertTrue(budgetEvents(r).isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> SearchConfig.defaults(1).withAdvisorBudgets(-1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> SearchConfig.defaults(1).withAdvisorBudgets(0, Double.NaN));
  }

  @Test
  void progressShowsTheStopAndTheSummaryListsUsagePerAdvisorWithATotal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressPrinter printer = new ProgressPrinter(out, 40, "");
    ToySpace space = new ToySpace(List.of(2, 2, 2, 2));
    SearchResult<List<Integer>> r = new ColtTreeSearch<>(space, space.evaluator(),
        List.of(paying("a", 1e9, new Usage(100, 20, 0.02, 250))),
        SearchConfig.defaults(40).withRandomDepth(0).withAdvisorBudgets(500, 0), printer,
        MeasurementStore.NONE).run();
    printer.summary(r);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("advisor budget reached after " + r.measurements()
        + " measurements: 600 of 500 tokens; stopping"), text);
    String row = text.lines().filter(l -> l.trim().startsWith("advisor a ")).findFirst()
        .orElseThrow();
    for (String part : List.of("calls   5 (100.0%)", "errors  0", "hit rate 1.00",
        " tokens 500/100", " cost 0.1000", " latency 250 ms/call")) {
      assertTrue(row.contains(part), "'" + part + "' missing in: " + row);
    }
    assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("total ")), text);
  }
}
