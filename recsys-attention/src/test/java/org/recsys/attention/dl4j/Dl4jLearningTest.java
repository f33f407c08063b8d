package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recsys.api.TrainingContext;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.testing.CountBaselines;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * SASRec trained on the dl4j backend learns the planted sequential structure of the synthetic data (the size of
 * the other learning tests): it beats popularity on the held-out last items by a clear margin in HR@10 (full
 * ranking, seen items excluded), and, without dropout, lands where the native backend does from the same seed.
 */
@Tag("slow")
class Dl4jLearningTest {
  private static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(1200, 100, 20, 40)));

  private static String spec(String backend) {
    return "{'name': 'sasrec', 'backend': '" + backend + "', 'maxLen': 20, 'encoder': {'embedding': {'hiddenSize': 32,"
        + " 'dropout': 0.0}, 'blocks': [{'type': 'transformer', 'heads': 2, 'dropout': 0.0}]}, 'loss': {'type': 'ce'},"
        + " 'training': {'learningRate': 0.01, 'batchSize': 64, 'epochs': 8, 'validateEvery': 8, 'patience': 1,"
        + " 'metric': 'HR@10', 'threads': 1}}";
  }

  @Test
  void beatsPopularityAndLandsWhereTheNativeBackendDoes() {
    double dl4j = hitRate("dl4j");
    double nativeRate = hitRate("native");
    double popularity = CountBaselines.popularityHitRate(SPLIT.train(), SPLIT.test());
    assertThat(dl4j).as("dl4j HR@10 %.3f vs popularity %.3f", dl4j, popularity).isGreaterThan(popularity + 0.3);
    assertThat(dl4j).as("dl4j HR@10 %.3f vs native %.3f", dl4j, nativeRate).isCloseTo(nativeRate, within(0.03));
  }

  private static double hitRate(String backend) {
    Blueprint b = ParityCases.blueprint(spec(backend));
    TrainingContext context = TrainingContext.ofSeed(7).withValidator(new RankEvaluator());
    try (ComposedModel model = (ComposedModel) ParityCases.FACTORY.trainer(b.spec()).train(SPLIT.trainingData(),
        context)) {
      return new RankEvaluator().evaluate(model, SPLIT.test()).mean("HR@10");
    }
  }
}
