package org.recsys.attention.lstm;

import java.util.Objects;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainerSettings;
import org.recsys.attention.train.TrainingOutcome;
import org.recsys.attention.train.TrainingProvenance;

/** Trains an {@link LstmAttentionModel} with the shared {@link SequenceTrainer}. */
public final class LstmAttentionTrainer implements Trainer {
  private final LstmAttentionParams params;

  public LstmAttentionTrainer(LstmAttentionParams params) {
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The loop settings these parameters give. */
  public static TrainerSettings settings(LstmAttentionParams p) {
    return p.training().settings(p.maxLen());
  }

  @Override
  public TrainedModel train(TrainingData data, TrainingContext context) {
    try (LstmAttentionNetwork network = LstmAttentionNetwork.create(params, data.train().numItems(),
        context.seed())) {
      TrainingOutcome outcome = new SequenceTrainer(settings(params)).train(network, data, context);
      return LstmAttentionModel.copyOf(params, data.train().items(), network.weights(),
          TrainingProvenance.of(outcome, params.metric(), data, context));
    }
  }
}
