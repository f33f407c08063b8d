package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.EvalCase;
import org.recsys.api.Evaluator;

class ProtocolRegistryTest {
  /** A protocol of one's own: full ranking of the cases whose history holds at least two items. */
  record LongHistories() implements EvaluationProtocol {
    @Override
    public String name() {
      return "long-histories";
    }

    @Override
    public Evaluator evaluator(EvalSettings settings, boolean excludeSeen) {
      Evaluator full = new FullRankingEvaluator(settings.withProtocol("cases", "history >= 2"), true);
      return (model, cases) -> full.evaluate(model, cases.stream().filter(c -> c.history().length >= 2).toList());
    }
  }

  @Test
  void theBuiltInProtocolsRegisterThroughServiceLoader() {
    ProtocolRegistry installed = ProtocolRegistry.installed();
    assertThat(installed.names()).containsExactly("full", "sampled");
    assertThat(installed.get("evaluation.protocol", "Sampled").needsCandidates()).isTrue();
    assertThat(installed.get("evaluation.protocol", "full").canExcludeSeen()).isTrue();
    assertThat(new EvaluationConfig("FULL", null, null, null, null, null, null).protocol()).isEqualTo("full");
  }

  @Test
  void aProtocolOfYourOwnBuildsTheEvaluator() {
    ProtocolRegistry r = ProtocolRegistry.of(List.of(new FullRankingProtocol(), new LongHistories()));
    EvaluationProtocol p = r.get("evaluation.protocol", "long-histories");
    assertThat(p.needsCandidates()).isFalse();
    TableRecommender model = new TableRecommender(3).put(new int[] {1, 2}, 0f, 0f, 1f).put(new int[] {1}, 0f, 1f, 0f);
    List<EvalCase> cases = List.of(EvalCase.fullRanking("long", new int[] {1, 2}, 3),
        EvalCase.fullRanking("short", new int[] {1}, 3));
    var report = p.evaluator(EvalSettings.of(MetricSuite.rankingMetrics(1)).withThreads(1), false).evaluate(model, cases);
    assertThat(report.cases()).isEqualTo(1);
    assertThat(report.mean("HR@1")).isEqualTo(1);
    assertThat(report.protocol()).containsEntry("protocol", "full").containsEntry("cases", "history >= 2");
  }

  @Test
  void unknownNamesAreConfigErrorsListingTheRegisteredOnes() {
    ProtocolRegistry r = ProtocolRegistry.of(List.of(new FullRankingProtocol(), new LongHistories()));
    assertThatThrownBy(() -> r.get("evaluation.protocol", "loo")).isInstanceOf(ConfigException.class)
        .hasMessage("unknown protocol 'loo'; valid: [full, long-histories]");
  }

  @Test
  void aConfigBuildsTheEvaluatorOfTheProtocolItNames() {
    EvaluationConfig c = new EvaluationConfig("sampled", List.of(5), null, null, null, 1, 0);
    EvalSettings s = c.settings(MetricRegistry.installed().suite(List.of("hr"), c.ks()), 3, Map.of(), null);
    assertThat(c.evaluator(new SampledRankingProtocol(), s)).isInstanceOf(SampledRankingEvaluator.class);
    assertThatThrownBy(() -> c.evaluator(new FullRankingProtocol(), s)).hasMessageContaining("names protocol sampled");
  }
}
