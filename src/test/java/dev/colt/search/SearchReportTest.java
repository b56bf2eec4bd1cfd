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

  private static Map<String, SearchResult<List<Integer>>> runs() {
    ToySpace s1 = new ToySpace(List.of(3, 3, 3));
    ScriptedAdvisor small = new ScriptedAdvisor("small<1B>", 1e9,
        v -> ScriptedAdvisor.pick(v, "dec", "small<1B>"));
    ScriptedAdvisor large = new ScriptedAdvisor("large", 70e9,
        v -> ScriptedAdvisor.pickUntried(v, "inc", "small<1B>"));
    Map<String, SearchResult<List<Integer>>> runs = new LinkedHashMap<>();
    runs.put("colt", new ColtTreeSearch<>(s1, s1.evaluator(), List.of(small, large),
        SearchConfig.defaults(16).withRandomDepth(0), SearchListener.NONE,
        MeasurementStore.NONE).run());
    ToySpace s2 = new ToySpace(List.of(3, 3, 3));
    runs.put("random", new RandomSearch<>(s2, s2.evaluator(), SearchConfig.defaults(16), 4,
        SearchListener.NONE, MeasurementStore.NONE).run());
    return runs;
  }

  @Test
  void reportHasOneCurvePerStrategyAndEscapesNames() {
    Map<String, SearchResult<List<Integer>>> runs = runs();
    String html = SearchReport.html("toy <report>", runs);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(2, Pattern.compile("<polyline").matcher(html).results().count());
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
