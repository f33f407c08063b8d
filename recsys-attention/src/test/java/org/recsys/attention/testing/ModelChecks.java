package org.recsys.attention.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.recsys.api.EncoderScorerModel;
import org.recsys.api.ScoredItem;
import org.recsys.api.TrainedModel;
import org.recsys.attention.nn.DenseStates;

/**
 * Assertions every trained sequence model must pass, on a model over at least 60 items (ids 1..60 are valid and
 * 61 is not).
 */
public final class ModelChecks {
  private ModelChecks() {}

  /**
   * scoreAll gives every item a score and padding minus infinity, candidates agree with it, and the encoder and
   * scorer compose to it.
   *
   * @return the encoder's states of the three histories checked, for model-specific checks
   */
  public static DenseStates assertScoresEveryItemConsistently(EncoderScorerModel<DenseStates> model) {
    List<int[]> histories = List.of(new int[] {1, 2, 3}, new int[0], new int[] {5});
    float[][] all = model.scoreAll(histories);
    assertThat(all).hasNumberOfRows(3);
    for (float[] row : all) {
      assertThat(row).hasSize(model.numItems() + 1);
      assertThat(row[0]).isEqualTo(Float.NEGATIVE_INFINITY);
    }
    float[][] cand = model.scoreCandidates(histories, new int[][] {{7, 3}, {1}, {60, 2, 9}});
    assertThat(cand[0][0]).isCloseTo(all[0][7], within(1e-4f));
    assertThat(cand[2][0]).isCloseTo(all[2][60], within(1e-4f));
    DenseStates states = model.encoder().encode(histories);
    assertThat(model.scorer().scoreAll(states)[1]).containsExactly(all[1]);
    return states;
  }

  /** recommend returns the highest-scored unseen items in order, and rejects an unknown item id. */
  public static void assertRecommendsTheBestUnseenItemsInOrder(TrainedModel model) {
    int[] history = {4, 9, 11};
    List<ScoredItem> top = model.recommend(history, 5);
    assertThat(top).hasSize(5);
    assertThat(top).extracting(ScoredItem::item).doesNotContain(4, 9, 11);
    for (int i = 1; i < top.size(); i++) {
      assertThat(top.get(i).score()).isLessThanOrEqualTo(top.get(i - 1).score());
    }
    float[] scores = model.scoreAll(List.of(history))[0];
    int best = 0;
    for (int item = 1; item < scores.length; item++) {
      if (item != 4 && item != 9 && item != 11 && (best == 0 || scores[item] > scores[best])) {
        best = item;
      }
    }
    assertThat(top.get(0).item()).isEqualTo(best);
    assertThatThrownBy(() -> model.recommend(new int[] {61}, 3)).hasMessageContaining("item id 61");
  }
}
