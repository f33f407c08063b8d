package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;

class MetricRegistryTest {
  /** A metric written outside the built-in set: targets within the cutoff, not divided by anything. */
  record Hits() implements CaseMetric {
    @Override
    public String name() {
      return "Hits";
    }

    @Override
    public double value(RankedCase c, int k) {
      return RankingMetrics.hits(c.ranks(), c.targets(), k);
    }
  }

  /** A catalog metric: the share of cases with anything recommended at all. */
  record Served() implements CatalogMetric {
    @Override
    public String name() {
      return "Served";
    }

    @Override
    public boolean hasCutoff() {
      return false;
    }

    @Override
    public boolean needsTopItems() {
      return true;
    }

    @Override
    public double value(List<RankedCase> cases, int numItems, int k) {
      return cases.stream().filter(c -> c.topItems().length > 0).count() / (double) cases.size();
    }
  }

  @Test
  void theBuiltInMetricsRegisterThroughServiceLoaderInReportOrder() {
    MetricRegistry installed = MetricRegistry.installed();
    assertThat(installed.names()).containsExactly("Accuracy", "HR", "Precision", "Recall", "F1", "NDCG", "MRR", "MAP",
        "Coverage", "Popularity");
    assertThat(installed.parse("evaluation.metrics", "ndcg")).isEqualTo(Metric.NDCG);
    assertThat(installed.all()).containsAll(MetricSuite.allMetrics(1).metrics());
  }

  @Test
  void unknownNamesAreConfigErrorsListingTheRegisteredOnes() {
    MetricRegistry r = MetricRegistry.of(List.of(Metric.HR, new Hits()));
    assertThatThrownBy(() -> r.parse("evaluation.metrics", "ndcg")).isInstanceOf(ConfigException.class)
        .hasMessage("unknown metric 'ndcg'; valid (any case): HR, Hits")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("evaluation.metrics");
  }

  @Test
  void aMetricOfYourOwnIsComputedAndReportedLikeTheBuiltInOnes() {
    MetricRegistry r = MetricRegistry.of(List.of(Metric.HR, new Hits(), new Served()));
    MetricSuite suite = r.suite(List.of("hits", "HR", "served"), List.of(1, 3));
    assertThat(suite.keys()).containsExactly("Hits@1", "Hits@3", "HR@1", "HR@3", "Served");
    TableRecommender model = new TableRecommender(4).put(new int[] {1}, 0f, 0.9f, 0.8f, 0.1f);
    List<EvalCase> cases = List.of(new EvalCase("a", new int[] {1}, new int[] {2, 3}, null));
    EvaluationReport report = new FullRankingEvaluator(EvalSettings.of(suite).withThreads(1)).evaluate(model, cases);
    // Items 2 and 3 are ranked 1st and 2nd (item 1 is the history): one hit at k = 1, two at k = 3.
    assertThat(report.values("Hits@1")).containsExactly(1);
    assertThat(report.values("Hits@3")).containsExactly(2);
    assertThat(report.mean("Served")).isEqualTo(1);
    assertThat(report.perCase()).doesNotContainKey("Served");
  }

  @Test
  void namesAreUniqueAndCannotHoldACutoff() {
    assertThatThrownBy(() -> MetricRegistry.of(List.of(new Hits(), new Hits())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("metric 'Hits' is registered twice");
    CaseMetric withAt = new CaseMetric() {
      @Override
      public String name() {
        return "P@R";
      }

      @Override
      public double value(RankedCase c, int k) {
        return 0;
      }
    };
    assertThatThrownBy(() -> MetricRegistry.of(List.of(withAt))).hasMessageContaining("contains '@'");
    List<Metric> twice = new ArrayList<>(List.of(Metric.HR, MetricRegistry.installed().parse("k", "hr")));
    assertThatThrownBy(() -> new MetricSuite(twice, List.of(1))).hasMessageContaining("metrics repeat: [HR, HR]");
  }
}
