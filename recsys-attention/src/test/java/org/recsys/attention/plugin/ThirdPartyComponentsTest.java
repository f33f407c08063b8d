package org.recsys.attention.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.TrainingContext;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.testing.CountBaselines;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * A block, a head and a loss that live only in test code, registered by a Guice module listed in the test jar's
 * {@code META-INF/services}, are found by name from a spec and trained: a jar adds components with no change to
 * recsys.
 */
class ThirdPartyComponentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPluginBlockHeadAndLossAreFoundByNameAndTrain() throws Exception {
    SequentialSpec spec = JSON.readValue("""
        {"name": "plugged", "maxLen": 30,
         "encoder": {"embedding": {"hiddenSize": 16, "dropout": 0.0},
                     "blocks": [{"type": "transformer", "dropout": 0.0}, {"type": "test-scale", "initialGain": 1.5}]},
         "head": {"type": "test-temperature", "temperature": 0.5},
         "loss": {"type": "test-bpr", "negatives": 8},
         "training": {"epochs": 8, "batchSize": 64, "learningRate": 0.01, "validateEvery": 100, "threads": 1}}
        """, SequentialSpec.class);
    SequentialFactory factory = SequentialFactory.discover();
    assertThat(factory.components().names().get("blocks")).contains("test-scale", "transformer");
    DataSplit split = new LeaveOneOutSplitter().split(
        SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(600, 60, 20, 30)));
    try (ComposedModel model = (ComposedModel) factory.trainer(spec).train(split.trainingData(),
        TrainingContext.ofSeed(3))) {
      assertThat(model.weights().names()).contains("encoder.block1.gain");
      float[] gain = model.weights().value("encoder.block1.gain").toArray();
      assertThat(gain[0]).as("the plug-in block's weight was trained").isNotEqualTo(1.5f);
      // Inference scores through the plug-in head: twice the tied dot product.
      float[] state = model.encoder().encode(java.util.List.of(new int[] {1, 2, 3})).rows()[0];
      float[] table = model.weights().value("encoder.embedding.items").toArray();
      double dot = 0;
      for (int j = 0; j < 16; j++) {
        dot += state[j] * table[5 * 16 + j];
      }
      assertThat(model.scoreAll(java.util.List.of(new int[] {1, 2, 3}))[0][5]).isCloseTo((float) (2 * dot),
          org.assertj.core.api.Assertions.within(1e-4f));
      double hr = new RankEvaluator().evaluate(model, split.test()).mean("HR@10");
      double pop = CountBaselines.popularityHitRate(split.train(), split.test());
      assertThat(hr).as("HR@10 with the plug-in loss vs popularity").isGreaterThan(pop + 0.1);
    }
  }

  @Test
  void anUnknownComponentTypeNamesTheKeyAndTheRegisteredTypes() {
    SequentialFactory factory = SequentialFactory.discover();
    SequentialSpec spec = new SequentialSpec(null, null, null, null, null, SequentialSpec.typed("test-bpx"), null, null);
    assertThatThrownBy(() -> factory.trainer(spec)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("model.loss.type").hasMessageContaining("test-bpx").hasMessageContaining("test-bpr")
        .hasMessageContaining("sampled-softmax");
  }
}
