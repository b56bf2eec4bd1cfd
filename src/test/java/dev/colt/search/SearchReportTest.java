// Tests of the HTML report: content, escaping, and rendering in headless Chromium when installed.
package dev.colt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchReportTest {
  @TempDir
  Path dir;

  /** {@code p} with the given cost. */
  private static Proposal costing(Proposal p, Usage usage) {
    return new Proposal(p.actions(), p.nextAdvisor(), usage, "");
  }

  private static Map<String, SearchResult<List<Integer>>> runs() {
    ToySpace s1 = new ToySpace(List.of(3, 3, 3));
    ScriptedAdvisor small = new ScriptedAdvisor("small<1B>", 1e9,
        v -> costing(ScriptedAdvisor.pick(v, "dec", "small<1B>"), new Usage(100, 10, 0.001, 50)));
    ScriptedAdvisor large = new ScriptedAdvisor("large", 70e9, v -> costing(
        ScriptedAdvisor.pickUntried(v, "inc", "small<1B>"), new Usage(120, 30, 0.02, 900)));
    Map<String, SearchResult<List<Integer>>> runs = new LinkedHashMap<>();
    runs.put("colt", new ColtTreeSearch<>(s1, s1.evaluator(), List.of(small, large),
        SearchConfig.defaults(16).withRandomDepth(0), SearchListener.NONE,
        MeasurementStore.NONE).run());
    ToySpace s2 = new ToySpace(List.of(3, 3, 3));
    runs.put("random", new RandomSearch<>(s2, s2.evaluator(), SearchConfig.defaults(16), 4,
        SearchListener.NONE, MeasurementStore.NONE).run());
    ToySpace s3 = new ToySpace(List.of(3, 3, 3));
    runs.put("single", new ColtTreeSearch<>(s3, s3.evaluator(), List.of(large),
        SearchConfig.defaults(16).withRandomDepth(0).withLambda(0).withEscalationAfter(0),
        SearchListener.NONE, MeasurementStore.NONE).run());
    return runs;
  }

  @Test
  void reportChartsTokensAndMoneyPerAdvisorAndPerStrategy() {
    Map<String, SearchResult<List<Integer>>> runs = runs();
    String html = SearchReport.html("costs", runs);
    assertEquals(2, count(html, "aria-label=\"advisor tokens\""), "one per advised strategy");
    assertEquals(2, count(html, "aria-label=\"advisor money\""));
    assertEquals(1, count(html, "aria-label=\"advisor tokens per strategy\""));
    assertEquals(1, count(html, "aria-label=\"advisor money per strategy\""));
    for (String strategy : List.of("colt", "single")) {
      AdvisorStats t = AdvisorStats.total(runs.get(strategy).advisors());
      assertTrue(t.money() > 0);
      assertTrue(html.contains(String.format(java.util.Locale.ROOT, ">%.5f</text>", t.money())),
          strategy + " money missing");
      assertTrue(html.contains(">" + (t.tokensIn() + t.tokensOut()) + " tokens</text>"),
          strategy + " tokens missing");
    }
    AdvisorStats large = runs.get("colt").advisors().get(1);
    assertTrue(html.contains(large.tokensIn() + " in + " + large.tokensOut() + " out"),
        "per-advisor token bar label missing");
  }

  private static long count(String text, String needle) {
    return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
  }

  @Test
  void reportHasOneCurvePerStrategyAndEscapesNames() {
    Map<String, SearchResult<List<Integer>>> runs = runs();
    String html = SearchReport.html("toy <report>", runs);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(runs.size(), count(html, "<polyline"));
    assertTrue(html.contains("small&lt;1B&gt;"));
    assertTrue(!html.contains("small<1B>"), "unescaped advisor name");
    assertTrue(html.contains("toy &lt;report&gt;"));
    int escalations = runs.get("colt").escalations().size();
    assertTrue(html.contains(escalations + " escalations"));
    assertTrue(!html.contains("http://") || html.indexOf("http://www.w3.org/2000/svg") >= 0);
  }

  @Test
  void reportRendersInHeadlessChromium() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "chromium not installed");
    Path html = dir.resolve("report.html");
    Files.writeString(html, SearchReport.html("toy", runs()));
    Path png = dir.resolve("shot.png");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("prof"),
        "--window-size=900,1400", "--screenshot=" + png, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium hung");
    assertTrue(Files.size(png) > 10_000, "screenshot too small: " + Files.size(png));
    Process dump = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--user-data-dir=" + dir.resolve("prof2"), "--dump-dom", html.toUri().toString())
        .redirectError(dir.resolve("dump.log").toFile()).start();
    String dom = new String(dump.getInputStream().readAllBytes());
    assertTrue(dump.waitFor(90, TimeUnit.SECONDS));
    assertTrue(dom.contains("<svg"), "no svg in the rendered DOM");
  }
}
