package org.recsys.attention.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainedModel;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.data.synthetic.PlantedPair;

/** Data where item {@link #A} is always followed by item {@link #B}, and what a model that learned it must explain. */
public final class PlantedPairChecks {
  public static final int A = 7;
  public static final int B = 13;
  /** 600 users over 40 items, sequences of 8 to 16, the pair in 60% of them. */
  public static final SequenceDataset DATA = new PlantedPair(600, 40, 8, 16, A, B, 0.6, 1).generate();

  private PlantedPairChecks() {}

  /** Five histories of other items, of 5 to 9 items, ending with A. */
  public static List<int[]> historiesEndingWithA() {
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

  /** After each history ending with A, the model recommends B first, and its explanation of B ranks A first. */
  public static void assertExplainsBByA(TrainedModel model, String name) {
    OcclusionExplainer explainer = new OcclusionExplainer(model);
    for (int[] h : historiesEndingWithA()) {
      assertThat(model.recommend(h, 1).get(0).item()).as("%s learned B after A in %s", name, Arrays.toString(h))
          .isEqualTo(B);
      Explanation e = explainer.recommend(h, 1, h).get(0);
      Contribution first = e.contributions().get(0);
      assertThat(first.item()).as("%s: what drove B in %s: %s", name, Arrays.toString(h), e.contributions())
          .isEqualTo(A);
      assertThat(first.position()).isEqualTo(h.length - 1);
      assertThat(first.share()).isGreaterThan(e.contributions().get(1).share());
    }
  }
}
