// A self-contained HTML report of one or more search runs, with inline SVG charts.
package dev.colt.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders search results as one HTML page with no external resources: best speedup against
 * measurements for every strategy, each advisor's share of calls, the regressions and escalations
 * of course alteration, and the best trace of each strategy.
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
        + "<th>best speedup</th><th>wall s</th><th>search overhead</th><th>escalations</th></tr>\n");
    for (var e : runs.entrySet()) {
      SearchResult<?> r = e.getValue();
      sb.append(String.format(Locale.ROOT,
          "<tr><td>%s</td><td>%d</td><td>%.2fx</td><td>%.1f</td><td>%.1f%%</td><td>%d</td></tr>%n",
          escape(e.getKey()), r.measurements(), r.bestSpeedup(), r.wallMillis() / 1000.0,
          100 * r.overheadShare(), r.escalations().size()));
    }
    sb.append("</table>\n").append(phaseTable(runs));
    for (var e : runs.entrySet()) {
      SearchResult<?> r = e.getValue();
      if (!r.advisors().isEmpty()) {
        sb.append("<h2>Advisors of ").append(escape(e.getKey())).append("</h2>\n")
            .append(advisorShareChart(r.advisors())).append(advisorTable(r.advisors()));
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

  /** Where each run's wall time went, in milliseconds per phase and share of the wall time. */
  static String phaseTable(Map<String, ? extends SearchResult<?>> runs) {
    StringBuilder sb = new StringBuilder("<h2>Where the time went</h2>\n<table><tr>"
        + "<th>strategy</th>");
    for (PhaseClock.Phase p : PhaseClock.Phase.values()) {
      sb.append("<th>").append(p.label()).append(p.isOverhead() ? "" : " (not overhead)")
          .append("</th>");
    }
    sb.append("</tr>\n");
    for (var e : runs.entrySet()) {
      PhaseClock.Phases ph = e.getValue().phases();
      sb.append("<tr><td>").append(escape(e.getKey())).append("</td>");
      for (PhaseClock.Phase p : PhaseClock.Phase.values()) {
        sb.append(String.format(Locale.ROOT, "<td>%d ms (%.1f%%)</td>", ph.of(p),
            ph.wallMillis() <= 0 ? 0.0 : 100.0 * ph.of(p) / ph.wallMillis()));
      }
      sb.append("</tr>\n");
    }
    return sb.append("</table>\n").toString();
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
    int rowH = 24;
    int h = PAD + rowH * advisors.size();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
            + "aria-label=\"advisor call shares\">%n", W, h));
    int i = 0;
    for (AdvisorStats s : advisors) {
      double share = (double) s.calls() / total;
      int y = PAD / 2 + rowH * i;
      sb.append(String.format(Locale.ROOT,
          "<text x=\"8\" y=\"%d\" font-size=\"12\">%s</text><rect x=\"160\" y=\"%d\" width=\"%.1f\" "
              + "height=\"16\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\" font-size=\"12\">%.1f%% (%d)"
              + "</text>%n", y + 12, escape(s.name()), y, (W - 260) * share,
          COLORS[i % COLORS.length], 166 + (W - 260) * share, y + 12, 100 * share, s.calls()));
      i++;
    }
    return sb.append("</svg>\n").toString();
  }

  private static String advisorTable(List<AdvisorStats> advisors) {
    StringBuilder sb = new StringBuilder("<table><tr><th>advisor</th><th>size</th><th>calls</th>"
        + "<th>errors</th><th>hit rate</th><th>escalations</th><th>tokens in/out</th>"
        + "<th>cost</th></tr>\n");
    for (AdvisorStats s : advisors) {
      sb.append(String.format(Locale.ROOT,
          "<tr><td>%s%s</td><td>%.3g</td><td>%d</td><td>%d</td><td>%.2f</td><td>%d</td>"
              + "<td>%d / %d</td><td>%.4f</td></tr>%n", escape(s.name()),
          s.benched() ? " (benched)" : "", s.sizeParams(), s.calls(), s.errors(), s.hitRate(),
          s.escalations(), s.tokensIn(), s.tokensOut(), s.money()));
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
