package org.recsys.attention.sasrec;

import java.util.Objects;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainerSettings;
import org.recsys.attention.train.TrainingOutcome;
import org.recsys.attention.train.TrainingProvenance;

/** Trains a {@link SasRecModel} with the shared {@link SequenceTrainer}. */
public final class SasRecTrainer implements Trainer {
  private final SasRecParams params;

  public SasRecTrainer(SasRecParams params) {
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The loop settings these parameters give. */
  public static TrainerSettings settings(SasRecParams p) {
    return p.training().settings(p.maxLen());
  }

  @Override
  public TrainedModel train(TrainingData data, TrainingContext context) {
    try (SasRecNetwork network = SasRecNetwork.create(params, data.train().numItems(), context.seed())) {
      TrainingOutcome outcome = new SequenceTrainer(settings(params)).train(network, data, context);
      return SasRecModel.copyOf(params, data.train().items(), network.weights(),
          TrainingProvenance.of(outcome, params.metric(), data, context));
    }
  }
}
