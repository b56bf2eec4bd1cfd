// A self-contained HTML report of one or more search runs, with inline SVG charts.
package dev.colt.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders search results as one HTML page with no external resources: best speedup against
 * measurements for every strategy, each advisor's share of calls and its tokens and money (and, with
 * several advised strategies, their total advisor cost side by side), the regressions and
 * escalations of course alteration, and the best trace of each strategy.
 */
public final class SearchReport {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
      "#8c564b", "#e377c2", "#7f7f7f"};
  private static final int W = 640;
  private static final int H = 320;
  private static final int PAD = 64;

  private SearchReport() {}

  /** The page for {@code runs} (strategy name to result, in display order). */
  public static String html(String title, Map<String, ? extends SearchResult<?>> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;"
            + "max-width:60em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            + "padding:4px 8px;text-align:left}svg{background:#fafafa;border:1px solid #ddd}"
            + "code{font-size:90%}</style></head><body>\n<h1>")
        .append(escape(title)).append("</h1>\n");
    sb.append("<h2>Best speedup vs measurements</h2>\n").append(convergenceChart(runs));
    sb.append("<h2>Summary</h2>\n<table><tr><th>strategy</th><th>measurements</th>"
        + "<th>best speedup</th><th>wall s</th><th>search overhead</th><th>escalations</th>"
        + "<th>advisor calls</th><th>tokens in/out</th><th>money</th></tr>\n");
    for (var e : runs.entrySet()) {
      SearchResult<?> r = e.getValue();
      AdvisorStats t = AdvisorStats.total(r.advisors());
      sb.append(String.format(Locale.ROOT,
          "<tr><td>%s</td><td>%d</td><td>%.2fx</td><td>%.1f</td><td>%.1f%%</td><td>%d</td>"
              + "<td>%d</td><td>%d / %d</td><td>%.5f</td></tr>%n",
          escape(e.getKey()), r.measurements(), r.bestSpeedup(), r.wallMillis() / 1000.0,
          100 * r.overheadShare(), r.escalations().size(), t.calls(), t.tokensIn(),
          t.tokensOut(), t.money()));
    }
    sb.append("</table>\n");
    Map<String, SearchResult<?>> advised = new LinkedHashMap<>();
    runs.forEach((name, r) -> {
      if (!r.advisors().isEmpty()) {
        advised.put(name, r);
      }
    });
    if (advised.size() > 1) {
      sb.append("<h2>Advisor cost per strategy</h2>\n").append(strategyCostChart(advised));
    }
    for (var e : runs.entrySet()) {
      SearchResult<?> r = e.getValue();
      if (!r.advisors().isEmpty()) {
        sb.append("<h2>Advisors of ").append(escape(e.getKey())).append("</h2>\n")
            .append(advisorShareChart(r.advisors())).append(advisorCostCharts(r.advisors()))
            .append(advisorTable(r.advisors()));
        sb.append("<h3>Regressions and escalations</h3>\n").append(escalationChart(r));
      }
      sb.append("<h3>Best trace of ").append(escape(e.getKey())).append("</h3>\n<pre><code>");
      for (String step : r.bestTrace()) {
        sb.append(escape(step)).append('\n');
      }
      sb.append("</code></pre>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  /** Best-so-far curves, one polyline per strategy, with a legend. */
  static String convergenceChart(Map<String, ? extends SearchResult<?>> runs) {
    int maxX = 1;
    double maxY = 1.0;
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    for (var e : runs.entrySet()) {
      List<double[]> pts = new ArrayList<>();
      pts.add(new double[] {0, 1.0});
      for (SearchEvent ev : e.getValue().events()) {
        if (ev instanceof SearchEvent.Measured m) {
          pts.add(new double[] {m.index(), m.bestSpeedup()});
          maxX = Math.max(maxX, m.index());
          maxY = Math.max(maxY, m.bestSpeedup());
        }
      }
      curves.put(e.getKey(), pts);
    }
    StringBuilder sb = svgOpen("best speedup against measurements");
    axes(sb, maxX, maxY, "measurements", "best speedup (x)");
    int i = 0;
    for (var c : curves.entrySet()) {
      String color = COLORS[i % COLORS.length];
      StringBuilder pts = new StringBuilder();
      double lastY = 1.0;
      for (double[] p : c.getValue()) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", x(p[0], maxX),
            y(lastY, maxY), x(p[0], maxX), y(p[1], maxY)));
        lastY = p[1];
      }
      sb.append("<polyline fill=\"none\" stroke=\"").append(color)
          .append("\" stroke-width=\"2\" points=\"").append(pts.toString().trim())
          .append("\"><title>").append(escape(c.getKey())).append("</title></polyline>\n");
      sb.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
          PAD + 10, PAD / 2 + 16 * i - 10, color, PAD + 28, PAD / 2 + 16 * i, escape(c.getKey())));
      i++;
    }
    return sb.append("</svg>\n").toString();
  }

  /** A horizontal bar per advisor: its share of all calls. */
  static String advisorShareChart(List<AdvisorStats> advisors) {
    int total = Math.max(1, advisors.stream().mapToInt(AdvisorStats::calls).sum());
    return barChart("advisor call shares", List.of("calls"), advisors.stream()
        .map(s -> new Bar(s.name(), new double[] {(double) s.calls() / total},
            String.format(Locale.ROOT, "%.1f%% (%d)", 100.0 * s.calls() / total, s.calls())))
        .toList(), 1.0);
  }

  /**
   * Two charts of what the advisors cost: tokens per advisor (prompt and answer stacked) and money
   * per advisor, each bar labelled with its value and its share of the pool's total.
   */
  static String advisorCostCharts(List<AdvisorStats> advisors) {
    long tokens = advisors.stream().mapToLong(s -> s.tokensIn() + s.tokensOut()).sum();
    double money = advisors.stream().mapToDouble(AdvisorStats::money).sum();
    String tokenChart = barChart("advisor tokens", List.of("tokens in", "tokens out"),
        advisors.stream().map(s -> new Bar(s.name(), new double[] {s.tokensIn(), s.tokensOut()},
            String.format(Locale.ROOT, "%d in + %d out (%.1f%%)", s.tokensIn(), s.tokensOut(),
                tokens == 0 ? 0.0 : 100.0 * (s.tokensIn() + s.tokensOut()) / tokens))).toList(),
        Math.max(1, advisors.stream().mapToLong(s -> s.tokensIn() + s.tokensOut()).max()
            .orElse(1)));
    String moneyChart = barChart("advisor money", List.of("money"), advisors.stream()
        .map(s -> new Bar(s.name(), new double[] {s.money()}, String.format(Locale.ROOT,
            "%.5f (%.1f%%)", s.money(), money == 0 ? 0.0 : 100.0 * s.money() / money))).toList(),
        Math.max(1e-12, advisors.stream().mapToDouble(AdvisorStats::money).max().orElse(1)));
    return tokenChart + moneyChart;
  }

  /** Total advisor tokens and money of each strategy that used advisors, side by side. */
  static String strategyCostChart(Map<String, ? extends SearchResult<?>> runs) {
    List<Bar> tokenBars = new ArrayList<>();
    List<Bar> moneyBars = new ArrayList<>();
    for (var e : runs.entrySet()) {
      AdvisorStats t = AdvisorStats.total(e.getValue().advisors());
      tokenBars.add(new Bar(e.getKey(), new double[] {t.tokensIn(), t.tokensOut()},
          String.format(Locale.ROOT, "%d tokens", t.tokensIn() + t.tokensOut())));
      moneyBars.add(new Bar(e.getKey(), new double[] {t.money()},
          String.format(Locale.ROOT, "%.5f", t.money())));
    }
    return barChart("advisor tokens per strategy", List.of("tokens in", "tokens out"), tokenBars,
        Math.max(1, tokenBars.stream().mapToDouble(b -> b.segments()[0] + b.segments()[1]).max()
            .orElse(1)))
        + barChart("advisor money per strategy", List.of("money"), moneyBars,
            Math.max(1e-12, moneyBars.stream().mapToDouble(b -> b.segments()[0]).max()
                .orElse(1)));
  }

  /** One row of a bar chart: stacked segment values and the text printed after the bar. */
  private record Bar(String name, double[] segments, String text) {}

  /**
   * Horizontal stacked bars scaled so {@code max} fills the width, with a legend of the segments
   * when there are several.
   */
  private static String barChart(String label, List<String> segmentNames, List<Bar> bars,
      double max) {
    int rowH = 24;
    int left = 190;
    double width = W - left - 180;
    int top = PAD / 2 + (segmentNames.size() > 1 ? 20 : 0);
    int h = top + PAD / 2 + rowH * bars.size();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
            + "aria-label=\"%s\">%n<text x=\"8\" y=\"16\" font-size=\"12\">%s</text>%n", W, h,
        escape(label), escape(label)));
    if (segmentNames.size() > 1) {
      for (int k = 0; k < segmentNames.size(); k++) {
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"24\" width=\"12\" height=\"12\" fill=\"%s\" opacity=\"%.2f\"/>"
                + "<text x=\"%d\" y=\"34\" font-size=\"12\">%s</text>%n", left + 110 * k,
            COLORS[0], 1.0 - 0.5 * k, left + 16 + 110 * k, escape(segmentNames.get(k))));
      }
    }
    int i = 0;
    for (Bar b : bars) {
      int y = top + rowH * i;
      String color = COLORS[i % COLORS.length];
      String shown = b.name().length() <= 28 ? b.name() : b.name().substring(0, 27) + "\u2026";
      sb.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" font-size=\"12\">%s<title>%s"
          + "</title></text>", y + 12, escape(shown), escape(b.name())));
      double x = left;
      for (int k = 0; k < b.segments().length; k++) {
        double w = width * b.segments()[k] / max;
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\" "
                + "opacity=\"%.2f\"><title>%s %s</title></rect>", x, y, w, color, 1.0 - 0.5 * k,
            escape(b.name()), escape(segmentNames.get(k))));
        x += w;
      }
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s"
          + "</text>%n", x + 6, y + 12, escape(b.text())));
      i++;
    }
    return sb.append("</svg>\n").toString();
  }

  private static String advisorTable(List<AdvisorStats> advisors) {
    StringBuilder sb = new StringBuilder("<table><tr><th>advisor</th><th>size</th><th>calls</th>"
        + "<th>errors</th><th>hit rate</th><th>escalations</th><th>tokens in/out</th>"
        + "<th>latency s</th><th>money</th></tr>\n");
    for (AdvisorStats s : advisors) {
      sb.append(String.format(Locale.ROOT,
          "<tr><td>%s%s</td><td>%.3g</td><td>%d</td><td>%d</td><td>%.2f</td><td>%d</td>"
              + "<td>%d / %d</td><td>%.2f</td><td>%.5f</td></tr>%n", escape(s.name()),
          s.benched() ? " (benched)" : "", s.sizeParams(), s.calls(), s.errors(), s.hitRate(),
          s.escalations(), s.tokensIn(), s.tokensOut(), s.latencyMillis() / 1000, s.money()));
    }
    return sb.append("</table>\n").toString();
  }

  /** Escalations over measurements: parent, regressed child and corrected child speedups. */
  static String escalationChart(SearchResult<?> r) {
    List<SearchEvent.Escalated> esc = r.escalations();
    int maxX = Math.max(1, r.measurements());
    double maxY = 1.0;
    for (SearchEvent.Escalated e : esc) {
      maxY = Math.max(maxY, Math.max(e.parentSpeedup(), Double.isNaN(e.largeSpeedup()) ? 0
          : e.largeSpeedup()));
    }
    StringBuilder sb = svgOpen("course alteration events");
    axes(sb, maxX, maxY, "measurement", "speedup (x)");
    for (SearchEvent.Escalated e : esc) {
      double xx = x(e.index(), maxX);
      sb.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#7f7f7f\"><title>parent %.2fx</title>"
              + "</circle><circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#d62728\"><title>%s "
              + "regressed to %.2fx</title></circle>%n", xx, y(e.parentSpeedup(), maxY),
          e.parentSpeedup(), xx, y(e.smallSpeedup(), maxY), escape(e.smallAdvisor()),
          e.smallSpeedup()));
      if (!Double.isNaN(e.largeSpeedup())) {
        sb.append(String.format(Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"none\" stroke=\"#2ca02c\" "
                + "stroke-width=\"2\"><title>%s corrected to %.2fx (%s)</title></circle>%n", xx,
            y(e.largeSpeedup(), maxY), escape(e.largeAdvisor()), e.largeSpeedup(),
            e.replaced() ? "kept" : "discarded"));
      }
    }
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d escalations: grey parent, red regressed "
            + "child, green ring the largest advisor's correction</text>%n", PAD + 10, PAD / 2,
        esc.size()));
    return sb.append("</svg>\n").toString();
  }

  private static StringBuilder svgOpen(String label) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
            + "aria-label=\"%s\">%n", W, H, escape(label)));
  }

  private static void axes(StringBuilder sb, int maxX, double maxY, String xLabel,
      String yLabel) {
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
        PAD, H - PAD, W - PAD / 2, H - PAD, PAD, H - PAD, PAD, PAD / 2));
    for (int t = 0; t <= 4; t++) {
      double xv = maxX * t / 4.0;
      double yv = maxY * t / 4.0;
      sb.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.0f</text>"
              + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.2f</text>%n",
          x(xv, maxX), H - PAD + 16, xv, PAD - 4, y(yv, maxY) + 4, yv));
    }
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>"
            + "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 14 %d)\">%s</text>%n",
        W / 2, H - 8, escape(xLabel), H / 2, H / 2, escape(yLabel)));
  }

  private static double x(double v, int maxX) {
    return PAD + (W - 1.5 * PAD) * v / maxX;
  }

  private static double y(double v, double maxY) {
    return H - PAD - (H - 1.5 * PAD) * v / maxY;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
