package org.recsys.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.recsys.eval.stats.PairedComparison;

/** Renders reports and comparisons as GitHub-flavoured Markdown, with four decimals. */
public final class MarkdownTables {
  private MarkdownTables() {}

  /**
   * The protocol line, the case count and a table {@code | Metric | Mean | 95% CI |}, one row per metric in
   * report order.
   */
  public static String report(EvaluationReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append("Protocol: ").append(protocolLine(report.protocol())).append("  \n");
    sb.append("Cases: ").append(report.cases()).append("\n\n");
    sb.append("| Metric | Mean | 95% CI |\n");
    sb.append("|---|---:|---:|\n");
    for (Map.Entry<String, MetricSummary> e : report.metrics().entrySet()) {
      MetricSummary s = e.getValue();
      sb.append("| ").append(escape(e.getKey())).append(" | ").append(number(s.mean())).append(" | [")
          .append(number(s.ciLow())).append(", ").append(number(s.ciHigh())).append("] |\n");
    }
    return sb.toString();
  }

  /**
   * A table of paired comparisons: {@code | Metric | Baseline | Candidate | Difference | 95% CI | t-test p |
   * permutation p |}.
   */
  public static String comparisons(List<PairedComparison> comparisons) {
    StringBuilder sb = new StringBuilder();
    sb.append("| Metric | Baseline | Candidate | Difference | 95% CI | t-test p | permutation p |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (PairedComparison c : comparisons) {
      sb.append("| ").append(escape(c.metric())).append(" | ").append(number(c.baselineMean())).append(" | ")
          .append(number(c.candidateMean())).append(" | ").append(signed(c.difference())).append(" | [")
          .append(signed(c.ciLow())).append(", ").append(signed(c.ciHigh())).append("] | ").append(pValue(c.tTestP()))
          .append(" | ").append(pValue(c.permutationP())).append(c.exactPermutation() ? " (exact)" : "")
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String protocolLine(Map<String, String> protocol) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : protocol.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
    }
    return sb.toString();
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

  /** Keeps user text from breaking the table or the Markdown around it. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
        .replace("\n", " ").replace("\r", " ");
  }
}
