package org.recsys.attention.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recsys.api.EvalCase;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainingContext;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.testing.CountBaselines;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** Trains a zoo preset on the planted synthetic data and checks what every zoo model must do. */
final class ZooTraining {
  /** The default structure (4 styles x 5 successors per item) at the learning tests' small size. */
  static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(1200, 100, 20, 40)));
  static final SequentialFactory FACTORY = SequentialFactory.discover();

  private ZooTraining() {}

  /** {@code preset} trained on {@link #SPLIT} from seed 7, with validation by HR@10. */
  static <P> ComposedModel train(ModelFactory<P> preset, P params) {
    return (ComposedModel) preset.trainer(params).train(SPLIT.trainingData(),
        TrainingContext.ofSeed(7).withValidator(new RankEvaluator()));
  }

  /** Test HR@10 (full ranking, seen items excluded) above popularity's by {@code margin}; returns it. */
  static double assertBeatsPopularity(String what, ComposedModel model, double margin) {
    double hitRate = new RankEvaluator().evaluate(model, SPLIT.test()).mean("HR@10");
    double popularity = CountBaselines.popularityHitRate(SPLIT.train(), SPLIT.test());
    assertThat(hitRate).as("%s HR@10 %.3f vs popularity %.3f", what, hitRate, popularity)
        .isGreaterThan(popularity + margin);
    return hitRate;
  }

  /** Saved and loaded through the sequential factory, the model gives identical scores and top-10. */
  static void assertRoundTrip(ComposedModel model, Path dir) throws IOException {
    model.save(dir);
    List<int[]> histories = new ArrayList<>();
    for (EvalCase c : SPLIT.test().subList(0, 50)) {
      histories.add(c.history());
    }
    histories.add(new int[0]);
    try (ComposedModel loaded = (ComposedModel) FACTORY.load(dir)) {
      assertThat(loaded.spec()).isEqualTo(model.spec());
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
      for (int[] h : histories) {
        assertThat(loaded.recommend(h, 10)).isEqualTo(model.recommend(h, 10));
      }
    }
  }
}
