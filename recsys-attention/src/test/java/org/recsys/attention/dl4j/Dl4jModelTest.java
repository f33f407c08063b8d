package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ScoredItem;
import org.recsys.api.TrainingContext;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.spec.Blueprint;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;
import org.recsys.store.ModelDirectory;

/**
 * A model trained on the dl4j backend saves with {@code backend: dl4j} in its manifest and loads with the same
 * recommendations; its weights score the same on either backend, and so do a native-trained model's.
 */
class Dl4jModelTest {
  private static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.tiny()));

  private static String spec(String backend) {
    return "{'backend': '" + backend + "', 'maxLen': 10, 'encoder': {'embedding': {'hiddenSize': 8}, 'blocks':"
        + " [{'type': 'transformer', 'heads': 2}]}, 'loss': {'type': 'ce'}, 'training': {'epochs': 2, 'batchSize': 32,"
        + " 'learningRate': 0.01, 'threads': 1}}";
  }

  @Test
  void savesWithItsBackendAndLoadsWithTheSameRecommendations(@TempDir Path dir) throws IOException {
    List<int[]> histories = SPLIT.test().stream().limit(12).map(c -> c.history()).toList();
    try (ComposedModel trained = train("dl4j")) {
      assertThat(trained.spec().backend()).isEqualTo("dl4j");
      trained.save(dir);
      assertThat(ModelDirectory.open(dir).backend()).isEqualTo("dl4j");
      try (ComposedModel loaded = (ComposedModel) ParityCases.FACTORY.load(dir)) {
        assertThat(loaded.spec().backend()).isEqualTo("dl4j");
        for (int[] h : histories) {
          assertThat(items(loaded.recommend(h, 10))).isEqualTo(items(trained.recommend(h, 10)));
        }
        assertScoresAgreeOnBothBackends(loaded, histories);
      }
    }
  }

  @Test
  void aNativeTrainedModelScoresTheSameOnTheDl4jBackend() {
    List<int[]> histories = SPLIT.test().stream().limit(12).map(c -> c.history()).toList();
    try (ComposedModel trained = train("native")) {
      assertThat(trained.spec().backend()).isEqualTo("native");
      assertScoresAgreeOnBothBackends(trained, histories);
    }
  }

  private static ComposedModel train(String backend) {
    Blueprint b = ParityCases.blueprint(spec(backend));
    return (ComposedModel) ParityCases.FACTORY.trainer(b.spec()).train(SPLIT.trainingData(),
        TrainingContext.ofSeed(3));
  }

  /** The model's native scores against a dl4j network's over a copy of its weights. */
  private static void assertScoresAgreeOnBothBackends(ComposedModel model, List<int[]> histories) {
    float[][] nativeScores = model.scoreAll(histories);
    try (Dl4jNetwork dl4j = new Dl4jNetwork(model.architecture(),
        ParityCases.copy(model.architecture(), model.weights()))) {
      float[][] graphScores = dl4j.scoreAll(histories);
      for (int h = 0; h < histories.size(); h++) {
        for (int i = 1; i < nativeScores[h].length; i++) {
          assertThat((double) graphScores[h][i]).isCloseTo(nativeScores[h][i], within(1e-5));
        }
      }
    }
  }

  private static List<Integer> items(List<ScoredItem> items) {
    return items.stream().map(ScoredItem::item).toList();
  }
}
