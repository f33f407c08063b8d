package org.recsys.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.EpochResult;
import org.recsys.api.MetricSummary;
import org.recsys.eval.MarkdownTables;

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
    md.append("## Test metrics (mean, 95% bootstrap CI)\n\n").append(MarkdownTables.report(run.asReport(Map.of())));
    if (!run.validation().isEmpty()) {
      md.append("\nValidation (kept model): ").append(formatValidation(means(run.validation()))).append('\n');
    }
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

  static Map<String, Double> means(Map<String, MetricSummary> metrics) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    metrics.forEach((k, s) -> m.put(k, s.mean()));
    return m;
  }
}
