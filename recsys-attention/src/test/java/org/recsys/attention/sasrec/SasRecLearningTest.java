package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingContext;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.testing.CountBaselines;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * SASRec, trained through the preset, learns the planted sequential structure of the synthetic data: on the
 * held-out last items it beats popularity and a first-order Markov count model by a clear margin in HR@10 (full
 * ranking, seen items excluded), with the paper's loss and with gBCE over many negatives. Everything is seeded.
 * Slow: each test trains for 20 to 45 s on two cores.
 */
@Tag("slow")
class SasRecLearningTest {
  // The default structure (4 styles x 5 successors per item) at a small size: the last item alone leaves 20
  // candidates, so first-order Markov cannot reach the top of HR@10; reading the style from the history can.
  private static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(1200, 100, 20, 40)));

  @Test
  void beatsPopularityAndMarkovOnPlantedSequences() {
    assertLearns(base(), 0.3);
  }

  /**
   * gBCE over 32 negatives needs its score bias: without it the network makes every score negative through a
   * direction shared by all item embeddings and ends as a popularity model (HR@10 at popularity's level).
   */
  @Test
  void learnsWithGbceOverManyNegatives() {
    SasRecPreset.Params params = SasRecNetworks.with(base(), "loss", "gbce", "negatives", 32);
    assertThat(SasRecNetworks.blueprint(params).spec().loss().path("scoreBias").asBoolean())
        .as("gbce trains with a score bias by default").isTrue();
    assertLearns(params, 0.3);
  }

  private static SasRecPreset.Params base() {
    return SasRecNetworks.params("maxLen", 40, "hiddenSize", 48, "blocks", 2, "heads", 1, "dropout", 0.1,
        "learningRate", 0.01, "batchSize", 64, "epochs", 25, "validateEvery", 25, "patience", 1, "threads", 1);
  }

  private static void assertLearns(SasRecPreset.Params params, double marginOverPopularity) {
    TrainingContext context = TrainingContext.ofSeed(7).withValidator(new RankEvaluator());
    try (ComposedModel model = (ComposedModel) SasRecNetworks.preset().trainer(params).train(SPLIT.trainingData(),
        context)) {
      SequenceDataset train = SPLIT.train();
      double sasrec = new RankEvaluator().evaluate(model, SPLIT.test()).mean("HR@10");
      double popularity = CountBaselines.popularityHitRate(train, SPLIT.test());
      double markov = CountBaselines.markovHitRate(train, SPLIT.test());
      assertThat(sasrec).as("SASRec (%s) HR@10 %.3f vs popularity %.3f, Markov %.3f", params.loss(), sasrec,
              popularity, markov)
          .isGreaterThan(popularity + marginOverPopularity)
          .isGreaterThan(markov + 0.05);
    }
  }
}
