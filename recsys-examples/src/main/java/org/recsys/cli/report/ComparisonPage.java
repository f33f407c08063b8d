package org.recsys.cli.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.recsys.api.MetricSummary;
import org.recsys.eval.stats.PairedComparison;

/**
 * Renders a {@link RunComparison} as one self-contained HTML page, {@value RunComparison#HTML}: the runs with their
 * protocol stamps and links to their {@code report.html}; per metric, an inline SVG chart with each run's mean and
 * 95% CI and a table of the same numbers; and the paired tests of each run against the first.
 */
public final class ComparisonPage {
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  private ComparisonPage() {}

  /**
   * The page's HTML text.
   *
   * @param paired the paired tests {@code comparison.pairedTests(metrics)} made
   * @param pageDir the directory the page is written to, which its links to the runs' reports are relative to
   * @param runDirs the runs' directories, in the order of {@code comparison.records()}
   */
  public static String render(RunComparison comparison, List<String> metrics, List<RunComparison.Paired> paired,
      Path pageDir, List<Path> runDirs) {
    List<RunRecord> records = comparison.records();
    List<String> labels = labels(records);
    RunRecord first = records.get(0);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>recsys comparison: ")
        .append(esc(String.join(", ", records.stream().map(RunRecord::name).toList()))).append("</title>\n<style>"
            + "body{font-family:sans-serif;max-width:76em;margin:2em auto;}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;"
            + "text-align:right}td:first-child,th:first-child,.text{text-align:left}"
            + ".metrics{display:flex;flex-wrap:wrap;gap:1em 2em}</style></head><body>\n");
    h.append("<h1>Comparison of ").append(records.size()).append(" runs</h1>\n<p>Protocol: <code>")
        .append(esc(first.protocolLine())).append("</code>; ").append(first.cases()).append(" test cases; paired")
        .append(" tests against <b>").append(esc(first.name())).append("</b> (seed ").append(comparison.seed())
        .append(").</p>\n");

    h.append("<h2>Runs</h2>\n<table id=\"runs\"><tr><th>run</th><th class=\"text\">model</th><th class=\"text\">"
        + "protocol stamp</th><th>test cases</th><th>report</th></tr>\n");
    for (int r = 0; r < records.size(); r++) {
      RunRecord run = records.get(r);
      Path report = runDirs.get(r).resolve(RunFiles.REPORT_HTML);
      h.append("<tr data-run=\"").append(esc(labels.get(r))).append("\"><td>").append(esc(labels.get(r)))
          .append("</td><td class=\"text\">").append(esc(run.model())).append("</td><td class=\"text\"><code>")
          .append(esc(run.protocolLine())).append("</code></td><td>").append(run.cases()).append("</td><td>")
          .append(Files.isRegularFile(report) ? "<a href=\"" + esc(href(pageDir, report)) + "\">"
              + RunFiles.REPORT_HTML + "</a>" : "none").append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Test metrics (mean, 95% bootstrap CI)</h2>\n<div class=\"metrics\">\n");
    for (int m = 0; m < metrics.size(); m++) {
      String metric = metrics.get(m);
      List<MetricSummary> summaries = records.stream().map(r -> r.metrics().get(metric)).toList();
      h.append("<section class=\"metric\" data-metric=\"").append(esc(metric)).append("\"><h3>").append(esc(metric))
          .append("</h3>\n<figure class=\"chart\">").append(RunCharts.metricComparisonSvg(metric, labels, summaries,
              "m" + m + "_")).append("</figure>\n<table><tr><th>run</th><th>mean</th><th>95% CI</th></tr>\n");
      for (int r = 0; r < records.size(); r++) {
        MetricSummary s = summaries.get(r);
        h.append("<tr data-run=\"").append(esc(labels.get(r))).append('"');
        if (s == null) {
          h.append("><td>").append(esc(labels.get(r))).append("</td><td>-</td><td>-</td></tr>\n");
        } else {
          h.append(" data-mean=\"").append(s.mean()).append("\" data-ci-low=\"").append(s.ciLow())
              .append("\" data-ci-high=\"").append(s.ciHigh()).append("\"><td>").append(esc(labels.get(r)))
              .append("</td><td class=\"mean\">").append(number(s.mean())).append("</td><td class=\"ci\">[")
              .append(number(s.ciLow())).append(", ").append(number(s.ciHigh())).append("]</td></tr>\n");
        }
      }
      h.append("</table></section>\n");
    }
    h.append("</div>\n");

    if (!paired.isEmpty()) {
      h.append("<h2>Paired tests against ").append(esc(first.name())).append("</h2>\n<p>Difference = candidate"
          + " - baseline, with its 95% bootstrap CI, a paired t-test and a sign-flip permutation test.</p>\n");
    }
    for (RunComparison.Paired p : paired) {
      String candidate = labels.get(p.candidate());
      h.append("<section class=\"paired\" data-candidate=\"").append(esc(candidate)).append("\"><h3>")
          .append(esc(candidate)).append(" vs ").append(esc(labels.get(0))).append("</h3>\n<table><tr><th>Metric</th>"
              + "<th>Baseline</th><th>Candidate</th><th>Difference</th><th>95% CI</th><th>t-test p</th>"
              + "<th>permutation p</th></tr>\n");
      for (PairedComparison c : p.rows()) {
        h.append("<tr data-metric=\"").append(esc(c.metric())).append("\"><td>").append(esc(c.metric()))
            .append("</td><td>").append(number(c.baselineMean())).append("</td><td>").append(number(c.candidateMean()))
            .append("</td><td>").append(signed(c.difference())).append("</td><td>[").append(signed(c.ciLow()))
            .append(", ").append(signed(c.ciHigh())).append("]</td><td>").append(pValue(c.tTestP()))
            .append("</td><td>").append(pValue(c.permutationP())).append(c.exactPermutation() ? " (exact)" : "")
            .append("</td></tr>\n");
      }
      h.append("</table></section>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  /** The runs' names, with {@code (2)}, {@code (3)}, ... after a name already taken: charts need unique keys. */
  static List<String> labels(List<RunRecord> records) {
    Set<String> taken = new HashSet<>();
    List<String> labels = new ArrayList<>();
    for (RunRecord r : records) {
      String label = r.name();
      for (int n = 2; !taken.add(label); n++) {
        label = r.name() + " (" + n + ")";
      }
      labels.add(label);
    }
    return labels;
  }

  /** A relative URL from a page in {@code pageDir} to {@code target}, percent-encoded where a path needs it. */
  static String href(Path pageDir, Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path relative;
    try {
      relative = pageDir.toAbsolutePath().normalize().relativize(abs);
    } catch (IllegalArgumentException otherRoot) {
      return abs.toUri().toString();
    }
    List<String> names = new ArrayList<>();
    relative.forEach(name -> names.add(name.toString()));
    String path = String.join("/", names);
    // A colon in the first segment would read as a URL scheme.
    if (names.get(0).contains(":")) {
      path = "./" + path;
    }
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      return abs.toUri().toString();
    }
  }

  private static String esc(String s) {
    return HTML.escape(s);
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.4f", v);
  }

  private static String pValue(double p) {
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }
}
