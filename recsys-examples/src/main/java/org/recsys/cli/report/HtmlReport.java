package org.recsys.cli.report;

import com.google.common.html.HtmlEscapers;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.EpochResult;

/** Renders a run as one self-contained HTML page with its charts embedded as PNG images. */
public final class HtmlReport {
  private HtmlReport() {}

  /** The HTML text of {@code run}. */
  public static String render(RunRecord run, List<String> warnings) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>recsys run ")
        .append(esc(run.name())).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}.warn{background:#fff3cd;padding:.5em}</style></head><body>\n");
    h.append("<h1>Run ").append(esc(run.name())).append("</h1>\n<p>Model <code>").append(esc(run.model()))
        .append("</code>; protocol: ").append(esc(run.protocolLine())).append("; ").append(run.cases())
        .append(" test cases.</p>\n");
    for (String w : warnings) {
      h.append("<p class=\"warn\"><b>Warning:</b> ").append(esc(w)).append("</p>\n");
    }
    h.append("<h2>Test metrics</h2>\n<table><tr><th>metric</th><th>mean</th><th>95% CI</th></tr>\n");
    run.metrics().forEach((k, s) -> h.append(String.format(Locale.ROOT,
        "<tr><td>%s</td><td>%.4f</td><td>[%.4f, %.4f]</td></tr>%n", esc(k), s.mean(), s.ciLow(), s.ciHigh())));
    h.append("</table>\n");
    image(h, "Test metrics with 95% confidence intervals", RunCharts.metricBars(Map.of(run.name(), run.metrics())));
    if (!run.epochs().isEmpty()) {
      h.append("<h2>Training</h2>\n");
      image(h, "Training loss per epoch", RunCharts.lossCurve(run.epochs()));
      image(h, "Validation metric per epoch", RunCharts.validationCurve(run.epochs()));
      h.append("<table><tr><th>epoch</th><th>loss</th><th>seconds</th><th>validation</th></tr>\n");
      for (EpochResult e : run.epochs()) {
        h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.4f</td><td>%.1f</td><td>%s%s</td></tr>%n", e.epoch(),
            e.loss(), e.seconds(), esc(MarkdownReport.formatValidation(e.validation())), e.improved() ? " *" : ""));
      }
      h.append("</table>\n");
    }
    h.append("<h2>Data</h2>\n<ul>\n");
    run.data().forEach((k, v) -> h.append("<li>").append(esc(k)).append(": ").append(esc(String.valueOf(v))).append("</li>\n"));
    h.append("</ul>\n<h2>Provenance</h2>\n<ul>\n");
    run.provenance().asMap().forEach((k, v) -> h.append("<li>").append(esc(k)).append(": <code>").append(esc(v))
        .append("</code></li>\n"));
    h.append("</ul>\n</body></html>\n");
    return h.toString();
  }

  private static void image(StringBuilder h, String alt, byte[] png) {
    if (png != null) {
      h.append("<p><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png)).append("\"></p>\n");
    }
  }

  private static String esc(String s) {
    return HtmlEscapers.htmlEscaper().escape(s);
  }
}
