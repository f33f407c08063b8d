package org.recsys.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.baselines.markov.MarkovModel;
import org.recsys.baselines.markov.MarkovParams;
import org.recsys.baselines.pop.PopModel;
import org.recsys.baselines.tribuo.TribuoModel;
import org.recsys.baselines.tribuo.TribuoParams;
import org.recsys.data.synthetic.PlantedPair;

/**
 * On data where item A is always followed by item B, the baselines that learn the rule recommend B after A and
 * their explanation of B ranks A first; popularity, which reads no history, is explained by no item at all.
 */
class PlantedPairExplanationTest {
  private static final int A = 7;
  private static final int B = 13;
  private static final SequenceDataset DATA = new PlantedPair(600, 40, 8, 16, A, B, 0.6, 1).generate();

  /** Histories of random other items, ending with A. */
  private static List<int[]> historiesEndingWithA() {
    SplittableRandom random = new SplittableRandom(3);
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int[] h = random.ints(1, 41).filter(x -> x != A && x != B).distinct().limit(4 + i).toArray();
      h = Arrays.copyOf(h, h.length + 1);
      h[h.length - 1] = A;
      out.add(h);
    }
    return out;
  }

  private static void assertExplainsBByA(TrainedModel model) {
    OcclusionExplainer explainer = new OcclusionExplainer(model);
    for (int[] h : historiesEndingWithA()) {
      assertThat(model.recommend(h, 1).get(0).item()).as("%s learned B after A in %s", model.type(),
          Arrays.toString(h)).isEqualTo(B);
      Explanation e = explainer.recommend(h, 1, h).get(0);
      assertThat(e.item()).isEqualTo(B);
      Contribution first = e.contributions().get(0);
      assertThat(first.item()).as("%s: what drove B in %s: %s", model.type(), Arrays.toString(h), e.contributions())
          .isEqualTo(A);
      assertThat(first.position()).isEqualTo(h.length - 1);
      assertThat(first.share()).isGreaterThan(e.contributions().get(1).share());
    }
  }

  @Test
  void markovExplainsBByAExactlyAsScoringEachLeaveOneOutHistory(@TempDir Path dir) throws IOException {
    MarkovModel markov = MarkovModel.train(DATA, new MarkovParams(null, null));
    assertExplainsBByA(markov);
    int[] h = historiesEndingWithA().get(2);
    Explanation e = new OcclusionExplainer(markov).explain(h, new int[] {B}).get(0);
    assertThat(e.contributions().get(0).share()).as("only the last item counts").isEqualTo(1.0);
    float full = markov.scoreCandidates(List.of(h), new int[][] {{B}})[0][0];
    for (Contribution c : e.contributions()) {
      int[] without = new int[h.length - 1];
      for (int p = 0, q = 0; p < h.length; p++) {
        if (p != c.position()) {
          without[q++] = h[p];
        }
      }
      assertThat(c.drop()).isEqualTo((double) full - markov.scoreCandidates(List.of(without), new int[][] {{B}})[0][0]);
    }
    markov.save(dir);
    assertThat(new OcclusionExplainer(MarkovModel.load(dir)).recommend(h, 5, h))
        .isEqualTo(new OcclusionExplainer(markov).recommend(h, 5, h));
  }

  @Test
  void tribuoExplainsBByAAndTheSameAfterSaveAndLoad(@TempDir Path dir) throws IOException {
    TribuoModel tribuo = TribuoModel.train(DATA, TribuoParams.defaults(), TrainingContext.ofSeed(5));
    assertExplainsBByA(tribuo);
    int[] h = historiesEndingWithA().get(4);
    tribuo.save(dir);
    assertThat(new OcclusionExplainer(TribuoModel.load(dir)).recommend(h, 5, h))
        .isEqualTo(new OcclusionExplainer(tribuo).recommend(h, 5, h));
  }

  @Test
  void popularityIsExplainedByNoHistoryItem() {
    PopModel pop = PopModel.train(DATA);
    int[] h = historiesEndingWithA().get(0);
    for (Explanation e : new OcclusionExplainer(pop).recommend(h, 3, h)) {
      assertThat(e.contributions()).extracting(Contribution::drop).containsOnly(0.0);
      assertThat(e.contributions()).extracting(Contribution::share).containsOnly(0.0);
    }
  }
}
