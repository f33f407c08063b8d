package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void userSequenceRejectsPaddingAndNegativeIds() {
    assertThatThrownBy(() -> UserSequence.of("u1", 3, 0, 2)).hasMessageContaining("user u1")
        .hasMessageContaining("item id 0 at position 1");
    assertThatThrownBy(() -> UserSequence.of("u1", -1)).hasMessageContaining("item id -1");
  }

  @Test
  void userSequenceIsImmutable() {
    int[] items = {1, 2, 3};
    UserSequence s = UserSequence.of("u", items);
    items[0] = 9;
    s.items()[1] = 9;
    assertThat(s.items()).containsExactly(1, 2, 3);
    assertThat(s).isEqualTo(UserSequence.of("u", 1, 2, 3));
  }

  @Test
  void userSequenceTimestampsMustMatchAndNotDecrease() {
    assertThatThrownBy(() -> new UserSequence("u", new int[] {1, 2}, new long[] {5})).hasMessageContaining("1 timestamps for 2 items");
    assertThatThrownBy(() -> new UserSequence("u", new int[] {1, 2}, new long[] {5, 4})).hasMessageContaining("decrease");
    assertThat(new UserSequence("u", new int[] {1, 2}, new long[] {4, 4}).hasTimestamps()).isTrue();
  }

  @Test
  void datasetRejectsItemsOutsideItsVocabulary() {
    ItemVocabulary v = ItemVocabulary.of(List.of("a", "b"));
    assertThatThrownBy(() -> new SequenceDataset(v, List.of(UserSequence.of("u7", 1, 3))))
        .hasMessageContaining("user u7").hasMessageContaining("item id 3").hasMessageContaining("1..2");
    SequenceDataset d = new SequenceDataset(v, List.of(UserSequence.of("u", 1, 2, 2)));
    assertThat(d.numInteractions()).isEqualTo(3);
  }

  @Test
  void evalCaseNeedsTargetsAmongItsCandidates() {
    assertThatThrownBy(() -> new EvalCase("u", new int[] {1}, new int[0], null)).hasMessageContaining("at least one target");
    assertThatThrownBy(() -> new EvalCase("u", new int[] {1}, new int[] {2, 2}, null)).hasMessageContaining("given twice");
    assertThatThrownBy(() -> new EvalCase("u", new int[] {1}, new int[] {2}, new int[] {3, 4}))
        .hasMessageContaining("target item 2 is not among the candidates");
    assertThatThrownBy(() -> new EvalCase("u", new int[] {0}, new int[] {2}, null)).hasMessageContaining("history item id 0");
    EvalCase c = new EvalCase("u", new int[0], new int[] {2}, new int[] {5, 2});
    assertThat(c.hasCandidates()).isTrue();
    assertThat(EvalCase.fullRanking("u", new int[] {1}, 2).hasCandidates()).isFalse();
  }

  @Test
  void reportMustNameItsProtocolAndNamesMissingMetrics() {
    assertThatThrownBy(() -> new EvaluationReport(Map.of(), Map.of(), Map.of(), 0)).hasMessageContaining("protocol");
    EvaluationReport r = new EvaluationReport(Map.of("protocol", "full"), Map.of("HR@10", new MetricSummary(0.5, 0.4, 0.6)),
        Map.of("HR@10", new double[] {0, 1}), 2);
    assertThat(r.mean("HR@10")).isEqualTo(0.5);
    assertThatThrownBy(() -> r.mean("NDCG@10")).hasMessageContaining("available: [HR@10]");
  }

  @Test
  void metricSummaryIntervalMustHoldTheMean() {
    assertThatThrownBy(() -> new MetricSummary(0.9, 0.1, 0.5)).hasMessageContaining("does not hold");
  }
}
