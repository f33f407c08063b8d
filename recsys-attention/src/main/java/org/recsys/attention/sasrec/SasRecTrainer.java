package org.recsys.attention.sasrec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainerSettings;
import org.recsys.attention.train.TrainingOutcome;

/** Trains a {@link SasRecModel} with the shared {@link SequenceTrainer}. */
public final class SasRecTrainer implements Trainer {
  private final SasRecParams params;

  public SasRecTrainer(SasRecParams params) {
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The loop settings these parameters give. */
  public static TrainerSettings settings(SasRecParams p) {
    return new TrainerSettings(p.epochs(), p.batchSize(), p.maxLen(), p.validateEvery(), p.patience(), p.metric(),
        p.learningRate(), p.beta1(), p.beta2(), SequenceTrainer.ADAM_EPSILON, p.l2Embedding());
  }

  @Override
  public TrainedModel train(TrainingData data, TrainingContext context) {
    try (SasRecNetwork network = SasRecNetwork.create(params, data.train().numItems(), context.seed())) {
      TrainingOutcome outcome = new SequenceTrainer(settings(params)).train(network, data, context);
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("recsysVersion", Versions.recsys());
      provenance.put("nd4jVersion", Versions.nd4j());
      provenance.put("java", System.getProperty("java.version"));
      provenance.put("seed", context.seed());
      provenance.put("epochsRun", outcome.epochsRun());
      provenance.put("bestEpoch", outcome.bestEpoch());
      provenance.put("stoppedEarly", outcome.stoppedEarly());
      if (!Double.isNaN(outcome.bestMetric())) {
        provenance.put("validation." + params.metric(), outcome.bestMetric());
      }
      provenance.put("trainUsers", data.train().users().size());
      provenance.put("trainInteractions", data.train().numInteractions());
      provenance.put("trainedAt", Instant.now().toString());
      return SasRecModel.copyOf(params, data.train().items(), network.weights(), provenance);
    }
  }
}
