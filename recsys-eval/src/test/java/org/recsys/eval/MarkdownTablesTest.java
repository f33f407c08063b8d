package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.recsys.eval.stats.PairedComparison;

class MarkdownTablesTest {
  @Test
  void rendersAReportAsATable() {
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("protocol", "full");
    protocol.put("split", "a|b");
    Map<String, MetricSummary> metrics = new LinkedHashMap<>();
    metrics.put("HR@10", new MetricSummary(0.5, 0.41234, 0.58766));
    metrics.put("NDCG@10", new MetricSummary(0.25, 0.2, 0.3));
    EvaluationReport r = new EvaluationReport(protocol, metrics, Map.of(), 120);
    assertThat(MarkdownTables.report(r)).isEqualTo("""
        Protocol: protocol=full, split=a\\|b \s
        Cases: 120

        | Metric | Mean | 95% CI |
        |---|---:|---:|
        | HR@10 | 0.5000 | [0.4123, 0.5877] |
        | NDCG@10 | 0.2500 | [0.2000, 0.3000] |
        """);
  }

  @Test
  void rendersComparisons() {
    PairedComparison c = new PairedComparison("NDCG@10", 100, 0.2, 0.25, 0.05, 0.01, 0.09, 2.5, 0.0123, 0.00001,
        false);
    assertThat(MarkdownTables.comparisons(List.of(c))).isEqualTo("""
        | Metric | Baseline | Candidate | Difference | 95% CI | t-test p | permutation p |
        |---|---:|---:|---:|---:|---:|---:|
        | NDCG@10 | 0.2000 | 0.2500 | +0.0500 | [+0.0100, +0.0900] | 0.0123 | 1.0e-05 |
        """);
  }
}
