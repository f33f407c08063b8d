package org.recsys.api.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.HistoryWindow;
import org.recsys.api.Recommender;
import org.recsys.api.ScoredItem;

class OcclusionExplainerTest {
  /**
   * Scores item {@code i} as the sum of {@code WEIGHT[h][i]} over the history items {@code h}: leaving out one
   * history item removes exactly its term, so the drops are known. The weights are small binary fractions, so
   * float sums are exact.
   */
  private static final float[][] WEIGHT = {
      {0, 0, 0, 0, 0, 0},
      {0, 0, 0.5f, 0.25f, 0, 0},
      {0, 0.125f, 0, 1, -0.5f, 0},
      {0, 0, 0.5f, 0, 2, 0},
      {0, 0, 0.5f, 0, 0, 0.75f},
      {0, 0, 0, 0, 0, 0}};

  /** The additive model; records every batch it is asked to score. */
  private static class Additive implements Recommender {
    final List<List<int[]>> candidateCalls = Collections.synchronizedList(new ArrayList<>());
    int scoreAllCalls;

    @Override
    public int numItems() {
      return 5;
    }

    @Override
    public float[][] scoreAll(List<int[]> histories) {
      scoreAllCalls++;
      float[][] out = new float[histories.size()][6];
      for (int u = 0; u < out.length; u++) {
        out[u][0] = Float.NEGATIVE_INFINITY;
        for (int h : histories.get(u)) {
          for (int i = 1; i <= 5; i++) {
            out[u][i] += WEIGHT[h][i];
          }
        }
      }
      return out;
    }

    @Override
    public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
      candidateCalls.add(List.copyOf(histories));
      float[][] all = scoreAll(histories);
      scoreAllCalls--;
      float[][] out = new float[histories.size()][];
      for (int u = 0; u < out.length; u++) {
        out[u] = new float[candidates[u].length];
        for (int j = 0; j < out[u].length; j++) {
          out[u][j] = all[u][candidates[u][j]];
        }
      }
      return out;
    }
  }

  /** The same model, saying it reads only the two most recent items (so the test can see what is skipped). */
  private static final class LastTwo extends Additive implements HistoryWindow {
    @Override
    public int historyWindow() {
      return 2;
    }
  }

  @Test
  void dropsAreTheScoreLostWithoutEachItemAndSharesDivideThePositiveDrops() {
    Additive model = new Additive();
    int[] history = {1, 2, 3, 4};
    Explanation e = new OcclusionExplainer(model).explain(history, new int[] {2}).get(0);
    // Item 2's score is 0.5 (item 1) + 0 (item 2) + 0.5 (item 3) + 0.5 (item 4).
    assertThat(e.item()).isEqualTo(2);
    assertThat(e.score()).isEqualTo(1.5f);
    // Equal drops: the most recent position first; the zero drop last.
    assertThat(e.contributions()).containsExactly(new Contribution(3, 4, 0.5, 1 / 3.0),
        new Contribution(2, 3, 0.5, 1 / 3.0), new Contribution(0, 1, 0.5, 1 / 3.0), new Contribution(1, 2, 0, 0));
    Explanation four = new OcclusionExplainer(model).explain(history, new int[] {4}).get(0);
    // Item 4: 2 from item 3, -0.5 from item 2, which lowers the score and gets no share.
    assertThat(four.contributions()).extracting(Contribution::item).containsExactly(3, 4, 1, 2);
    assertThat(four.contributions().get(0).drop()).isEqualTo(2.0);
    assertThat(four.contributions().get(0).share()).isEqualTo(1.0);
    assertThat(four.contributions().get(3).drop()).isEqualTo(-0.5);
    assertThat(four.contributions().get(3).share()).isZero();
    assertThat(four.top(2)).extracting(Contribution::item).containsExactly(3, 4);
    assertThat(four.top(10)).hasSize(4);
  }

  @Test
  void everyLeaveOneOutHistoryIsScoredInOneCallAndAgreesWithScoringItAlone() {
    Additive model = new Additive();
    int[] history = {3, 1, 4, 2, 4};
    int[] items = {5, 3, 2};
    List<Explanation> explanations = new OcclusionExplainer(model).explain(history, items);
    assertThat(model.candidateCalls).hasSize(1);
    assertThat(model.scoreAllCalls).isZero();
    List<int[]> batch = model.candidateCalls.get(0);
    assertThat(batch).hasSize(history.length + 1);
    assertThat(batch.get(0)).containsExactly(history);
    assertThat(batch.get(3)).containsExactly(3, 1, 2, 4);
    assertThat(explanations).extracting(Explanation::item).containsExactly(5, 3, 2);
    for (Explanation e : explanations) {
      float full = model.scoreAll(List.of(history))[0][e.item()];
      assertThat(e.score()).isEqualTo(full);
      for (Contribution c : e.contributions()) {
        int[] without = new int[history.length - 1];
        for (int p = 0, q = 0; p < history.length; p++) {
          if (p != c.position()) {
            without[q++] = history[p];
          }
        }
        assertThat(c.item()).isEqualTo(history[c.position()]);
        assertThat(c.drop()).as("item %d, position %d", e.item(), c.position())
            .isCloseTo(full - model.scoreAll(List.of(without))[0][e.item()], within(1e-6));
      }
      double shares = e.contributions().stream().mapToDouble(Contribution::share).sum();
      assertThat(shares).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void severalThreadsScoreInterleavedPartsAndGiveTheSameExplanations() {
    int[] history = new int[60];
    for (int p = 0; p < history.length; p++) {
      history[p] = 1 + (p * 7) % 5;
    }
    int[] items = {2, 4};
    List<Explanation> one = new OcclusionExplainer(new Additive()).explain(history, items);
    Additive model = new Additive();
    List<Explanation> three = new OcclusionExplainer(model, 3).explain(history, items);
    assertThat(three).isEqualTo(one);
    // 61 histories in three parts of 21, 20 and 20, together every history once: history i (the full one, then
    // the one without position i - 1) in part i mod 3.
    assertThat(model.candidateCalls).extracting(List::size).containsExactlyInAnyOrder(20, 20, 21);
    assertThat(model.candidateCalls.stream().mapToInt(List::size).sum()).isEqualTo(61);
    List<int[]> first = model.candidateCalls.stream().filter(c -> c.size() == 21).findFirst().orElseThrow();
    assertThat(first.get(0)).isEqualTo(history);
    assertThat(first.get(1)).hasSize(59).startsWith(Arrays.copyOf(history, 2)).endsWith(Arrays.copyOfRange(history,
        3, 60));
    // A short history is not split: fewer than 16 histories per part.
    Additive small = new Additive();
    new OcclusionExplainer(small, 4).explain(new int[] {1, 2, 3}, items);
    assertThat(small.candidateCalls).hasSize(1);
  }

  @Test
  void aFailureOnAnotherThreadReachesTheCaller() {
    // 61 histories on 2 threads: the calling thread scores 31 (every other one from the first), the other 30, and
    // that part fails.
    Additive secondPartFails = new Additive() {
      @Override
      public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
        if (histories.size() == 30) {
          throw new IllegalStateException("second part failed");
        }
        return super.scoreCandidates(histories, candidates);
      }
    };
    int[] history = new int[60];
    Arrays.fill(history, 1);
    assertThatThrownBy(() -> new OcclusionExplainer(secondPartFails, 2).explain(history, new int[] {2}))
        .isInstanceOf(IllegalStateException.class).hasMessage("second part failed");
    assertThatThrownBy(() -> new OcclusionExplainer(new Additive(), 0)).hasMessageContaining("at least 1");
  }

  @Test
  void recommendExplainsTheModelsOwnTopItemsInRankOrder() {
    Additive model = new Additive();
    int[] history = {2, 3};
    List<ScoredItem> top = model.recommend(history, 3, history);
    List<Explanation> explained = new OcclusionExplainer(model).recommend(history, 3, history);
    assertThat(explained).extracting(Explanation::item).containsExactlyElementsOf(
        top.stream().map(ScoredItem::item).toList());
    assertThat(explained.get(0).item()).isEqualTo(4);
    assertThat(explained.get(0).score()).isEqualTo(top.get(0).score());
  }

  @Test
  void itemsBeforeTheModelsWindowAreNotScoredAndDropNothing() {
    LastTwo model = new LastTwo();
    int[] history = {1, 2, 3, 4};
    Explanation e = new OcclusionExplainer(model).explain(history, new int[] {2}).get(0);
    assertThat(model.candidateCalls.get(0)).hasSize(3);
    assertThat(e.contributions()).extracting(Contribution::position).containsExactly(3, 2, 1, 0);
    assertThat(e.contributions()).filteredOn(c -> c.position() < 2).extracting(Contribution::drop)
        .containsOnly(0.0);
    assertThat(e.contributions().get(0).share()).isEqualTo(0.5);
  }

  @Test
  void anEmptyHistoryOrNoPositiveDropGivesNoShares() {
    Additive model = new Additive();
    Explanation empty = new OcclusionExplainer(model).explain(new int[0], new int[] {3}).get(0);
    assertThat(empty.contributions()).isEmpty();
    Explanation none = new OcclusionExplainer(model).explain(new int[] {5, 5}, new int[] {3}).get(0);
    assertThat(none.contributions()).extracting(Contribution::share).containsExactly(0.0, 0.0);
    assertThat(new OcclusionExplainer(model).explain(new int[] {1}, new int[0])).isEmpty();
  }

  @Test
  void idsOutOfRangeAreRefusedByName() {
    OcclusionExplainer explainer = new OcclusionExplainer(new Additive());
    assertThatThrownBy(() -> explainer.explain(new int[] {1, 9}, new int[] {2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history: item id 9 at position 1");
    assertThatThrownBy(() -> explainer.explain(new int[] {1}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("items: item id 0");
  }
}
