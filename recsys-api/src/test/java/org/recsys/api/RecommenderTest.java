package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  /** Scores item i by how often it follows the last history item in a fixed table; states are last items. */
  private final Encoder<int[]> lastItem = histories -> histories.stream()
      .mapToInt(h -> h.length == 0 ? 0 : h[h.length - 1]).toArray();
  private final Scorer<int[]> byDistance = new Scorer<>() {
    @Override
    public int numItems() {
      return 5;
    }

    @Override
    public float[][] scoreAll(int[] states) {
      float[][] out = new float[states.length][6];
      for (int u = 0; u < states.length; u++) {
        out[u][0] = Float.NEGATIVE_INFINITY;
        for (int i = 1; i <= 5; i++) {
          out[u][i] = -Math.abs(i - (states[u] + 1));
        }
      }
      return out;
    }

    @Override
    public float[][] scoreCandidates(int[] states, int[][] candidates) {
      float[][] all = scoreAll(states);
      float[][] out = new float[states.length][];
      for (int u = 0; u < states.length; u++) {
        out[u] = new float[candidates[u].length];
        for (int j = 0; j < candidates[u].length; j++) {
          out[u][j] = all[u][candidates[u][j]];
        }
      }
      return out;
    }
  };
  private final Recommender rec = new EncoderScorerRecommender<>(lastItem, byDistance);

  @Test
  void recommendExcludesTheHistoryByDefault() {
    List<ScoredItem> top = rec.recommend(new int[] {3, 2}, 2);
    assertThat(top).extracting(ScoredItem::item).containsExactly(4, 1);
    assertThat(rec.recommend(new int[] {3, 2}, 2, new int[0])).extracting(ScoredItem::item).containsExactly(3, 2);
  }

  @Test
  void candidatesArePassedThrough() {
    float[][] s = rec.scoreCandidates(List.of(new int[] {1}), new int[][] {{5, 2}});
    assertThat(s[0]).containsExactly(-3f, 0f);
    assertThatThrownBy(() -> rec.scoreCandidates(List.of(new int[] {1}), new int[0][])).hasMessageContaining("1 histories but 0");
  }

  @Test
  void outOfRangeHistoryIsAnError() {
    assertThatThrownBy(() -> rec.recommend(new int[] {6}, 2)).hasMessageContaining("item id 6").hasMessageContaining("1..5");
  }

  @Test
  void nanOrInfiniteScoresAreAnErrorNotAnEmptyList() {
    Scorer<int[]> broken = new Scorer<>() {
      @Override
      public int numItems() {
        return 3;
      }

      @Override
      public float[][] scoreAll(int[] states) {
        return new float[][] {{Float.NEGATIVE_INFINITY, Float.NaN, Float.NaN, Float.NaN}};
      }

      @Override
      public float[][] scoreCandidates(int[] states, int[][] candidates) {
        return new float[][] {{0.5f, Float.POSITIVE_INFINITY}};
      }
    };
    Recommender r = new EncoderScorerRecommender<>(lastItem, broken);
    assertThatThrownBy(() -> r.recommend(new int[] {1}, 2)).isInstanceOf(NonFiniteScoreException.class)
        .hasMessageContaining("item 1 as NaN");
    assertThatThrownBy(() -> r.scoreCandidates(List.of(new int[] {1}), new int[][] {{2, 3}}))
        .isInstanceOf(NonFiniteScoreException.class).hasMessageContaining("candidate item 3 as Infinity");
    // A recommender outside the encoder-scorer plumbing is checked by recommend itself.
    Recommender plain = new Recommender() {
      @Override
      public int numItems() {
        return 2;
      }

      @Override
      public float[][] scoreAll(List<int[]> histories) {
        return new float[][] {{Float.NEGATIVE_INFINITY, Float.NaN, 1f}};
      }

      @Override
      public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
        throw new UnsupportedOperationException();
      }
    };
    assertThatThrownBy(() -> plain.recommend(new int[0], 1)).isInstanceOf(NonFiniteScoreException.class);
  }
}
