package org.recsys.attention.sasrec;

import org.junit.jupiter.api.Test;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.testing.PlantedPairChecks;

/** A small SASRec learns that A is followed by B, and occlusion says A drove each recommendation of B. */
class SasRecPlantedPairTest {
  @Test
  void explainsBByA() {
    var params = SasRecNetworks.params("maxLen", 16, "hiddenSize", 16, "blocks", 1, "heads", 1, "dropout", 0.0,
        "loss", "ce", "learningRate", 0.01, "batchSize", 64, "epochs", 4, "threads", 1);
    try (ComposedModel model = (ComposedModel) SasRecNetworks.preset().trainer(params).train(
        new TrainingData(PlantedPairChecks.DATA, java.util.List.of()), TrainingContext.ofSeed(7))) {
      PlantedPairChecks.assertExplainsBByA(model, "SASRec");
    }
  }
}
