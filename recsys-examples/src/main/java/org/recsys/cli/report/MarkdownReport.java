package org.recsys.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.EpochResult;
import org.recsys.api.MetricSummary;

/** Renders a run as a Markdown report. */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The Markdown text of {@code run}. */
  public static String render(RunRecord run, List<String> warnings) {
    StringBuilder md = new StringBuilder();
    md.append("# Run ").append(run.name()).append("\n\n");
    md.append("Model: `").append(run.model()).append("`  \n");
    md.append("Protocol: ").append(run.protocolLine()).append("  \n");
    md.append("Test cases: ").append(run.cases()).append("  \n");
    md.append(String.format(Locale.ROOT, "Training: %.1f s, best epoch %d; evaluation: %.1f s%n%n", run.trainSeconds(),
        run.bestEpoch(), run.evalSeconds()));
    for (String w : warnings) {
      md.append("> **Warning:** ").append(w).append("\n\n");
    }
    md.append("## Test metrics (mean, 95% bootstrap CI)\n\n| metric | mean | 95% CI |\n|---|---:|---|\n");
    run.metrics().forEach((k, s) -> md.append(String.format(Locale.ROOT, "| %s | %.4f | [%.4f, %.4f] |%n", k, s.mean(),
        s.ciLow(), s.ciHigh())));
    if (!run.epochs().isEmpty()) {
      md.append("\n## Training\n\n| epoch | loss | seconds | validation |\n|---:|---:|---:|---|\n");
      for (EpochResult e : run.epochs()) {
        md.append(String.format(Locale.ROOT, "| %d | %.4f | %.1f | %s%s |%n", e.epoch(), e.loss(), e.seconds(),
            formatValidation(e.validation()), e.improved() ? " (best so far)" : ""));
      }
    }
    md.append("\n## Data\n\n");
    run.data().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n## Provenance\n\n");
    run.provenance().asMap().forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
    return md.toString();
  }

  static String formatValidation(Map<String, Double> v) {
    StringBuilder sb = new StringBuilder();
    v.forEach((k, x) -> sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", k, x)));
    return sb.toString();
  }

  /** A comparison table of metric summaries. */
  static String metricCell(MetricSummary s) {
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", s.mean(), s.ciLow(), s.ciHigh());
  }
}
