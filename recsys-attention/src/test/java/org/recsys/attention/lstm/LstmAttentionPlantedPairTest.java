package org.recsys.attention.lstm;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.testing.PlantedPairChecks;

/** A small LSTM-attention model learns that A is followed by B, and occlusion says A drove each recommendation of B. */
class LstmAttentionPlantedPairTest {
  @Test
  void explainsBByA() {
    var params = LstmAttentionNetworks.params("maxLen", 16, "embeddingSize", 16, "hiddenSize", 16, "attentionSize", 8,
        "dropout", 0.0, "learningRate", 0.01, "batchSize", 64, "epochs", 8, "threads", 1);
    try (ComposedModel model = (ComposedModel) LstmAttentionNetworks.preset().trainer(params).train(
        new TrainingData(PlantedPairChecks.DATA, List.of()), TrainingContext.ofSeed(7))) {
      PlantedPairChecks.assertExplainsBByA(model, "LSTM-attention");
    }
  }
}
