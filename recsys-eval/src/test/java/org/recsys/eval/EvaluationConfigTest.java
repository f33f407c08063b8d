package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;

class EvaluationConfigTest {
  @Test
  void defaultsAreFullRankingWithTheEightMetricsAtFourCutoffs() {
    EvaluationConfig c = EvaluationConfig.defaults();
    assertThat(c.protocol()).isEqualTo("full");
    assertThat(c.excludeSeen()).isTrue();
    FullRankingEvaluator e = (FullRankingEvaluator) c.evaluator(7, Map.of("split", "loo"), null);
    assertThat(e.excludeSeen()).isTrue();
    assertThat(e.settings().suite().keys()).hasSize(1 + 7 * 4).contains("NDCG@10", "Accuracy", "MAP@20");
    assertThat(e.settings().seed()).isEqualTo(7);
    assertThat(e.settings().protocolExtras()).containsEntry("split", "loo");
  }

  @Test
  void namesTheSampledProtocolAndParsesMetricNamesInAnyCase() {
    EvaluationConfig c = new EvaluationConfig("sampled", List.of(10), List.of("ndcg", "hr"), null, 64, 1, 0);
    SampledRankingEvaluator e = (SampledRankingEvaluator) c.evaluator(1, Map.of(), null);
    assertThat(e.settings().suite().keys()).containsExactly("NDCG@10", "HR@10");
    assertThat(e.settings().batchSize()).isEqualTo(64);
  }

  @Test
  void errorsNameTheKey() {
    assertThatThrownBy(() -> new EvaluationConfig("loo", null, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown protocol 'loo'; valid: [full, sampled]")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("evaluation.protocol");
    assertThatThrownBy(() -> new EvaluationConfig(null, null, List.of("ndgc"), null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown metric 'ndgc'; valid (any case): Accuracy")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("evaluation.metrics");
    assertThatThrownBy(() -> new EvaluationConfig(null, List.of(10, 0), null, null, null, null, null))
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("evaluation.ks");
    assertThatThrownBy(() -> new EvaluationConfig(null, List.of(10, 10), null, null, null, null, null))
        .hasMessageContaining("cutoff 10 is given twice");
    assertThatThrownBy(() -> new EvaluationConfig("sampled", null, null, false, null, null, null))
        .hasMessageContaining("replace the whole section, e.g. evaluation={protocol: sampled}")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("evaluation.excludeSeen");
    assertThatThrownBy(() -> new EvaluationConfig(null, null, null, null, 0, null, null))
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("evaluation.batchSize");
    assertThatThrownBy(() -> new EvaluationConfig(null, null, List.of("hr", "HR"), null, null, null, null))
        .hasMessageContaining("metrics repeat");
  }
}
