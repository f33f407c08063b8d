package org.recsys.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.recsys.eval.MarkdownTables;
import org.recsys.eval.stats.PairedComparison;
import org.recsys.eval.stats.PairedTest;

/**
 * Several runs on the same test cases side by side, with paired tests of each run against the first.
 *
 * @param records the runs, baseline first
 * @param reports their test reports with per-case values, in the same order
 * @param users the case users of each run, in case order (must agree for paired tests)
 * @param seed seed of the bootstrap and permutation tests
 */
public record RunComparison(List<RunRecord> records, List<EvaluationReport> reports, List<List<String>> users,
    long seed) {
  public RunComparison {
    if (records.size() != reports.size() || records.size() != users.size() || records.isEmpty()) {
      throw new IllegalArgumentException("one report and user list per run is needed");
    }
    for (int i = 1; i < records.size(); i++) {
      if (!records.get(i).protocol().equals(records.get(0).protocol())) {
        throw new IllegalArgumentException("run " + records.get(i).name() + " was evaluated under "
            + records.get(i).protocolLine() + " but " + records.get(0).name() + " under " + records.get(0).protocolLine()
            + "; only runs under the same protocol can be compared");
      }
      if (!users.get(i).equals(users.get(0))) {
        throw new IllegalArgumentException("runs " + records.get(0).name() + " and " + records.get(i).name()
            + " were evaluated on different test cases; paired tests need the same cases in the same order");
      }
    }
  }

  /** Markdown: the metrics table, then one paired-test table per run after the first. */
  public String render(List<String> metrics) {
    StringBuilder sb = new StringBuilder();
    sb.append("Protocol: ").append(records.get(0).protocolLine()).append(", ").append(records.get(0).cases())
        .append(" cases\n\n| run | model |");
    metrics.forEach(m -> sb.append(' ').append(m).append(" |"));
    sb.append("\n|---|---|").append("---:|".repeat(metrics.size())).append('\n');
    for (RunRecord r : records) {
      sb.append("| ").append(r.name()).append(" | ").append(r.model()).append(" |");
      for (String m : metrics) {
        MetricSummary s = r.metrics().get(m);
        sb.append(s == null ? " - |" : String.format(Locale.ROOT, " %.4f [%.4f, %.4f] |", s.mean(), s.ciLow(), s.ciHigh()));
      }
      sb.append('\n');
    }
    PairedTest test = PairedTest.withSeed(seed);
    for (int i = 1; i < records.size(); i++) {
      List<PairedComparison> rows = new ArrayList<>();
      for (String m : metrics) {
        rows.add(test.compare(reports.get(0), reports.get(i), m));
      }
      sb.append("\n").append(records.get(i).name()).append(" vs ").append(records.get(0).name())
          .append(" (paired, difference = candidate - baseline):\n\n").append(MarkdownTables.comparisons(rows));
    }
    return sb.toString();
  }
}
