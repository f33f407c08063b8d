package org.recsys.attention.model;

import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainableNetwork;
import org.recsys.attention.train.TrainingOutcome;
import org.recsys.attention.train.TrainingProvenance;

/**
 * Trains any composed model: sizes the blueprint's architecture to the data's catalogue, draws fresh weights
 * from the run's seed and trains them on the spec's backend with the one {@link SequenceTrainer}.
 */
public final class SequentialTrainer implements Trainer {
  private final Blueprint blueprint;

  public SequentialTrainer(Blueprint blueprint) {
    this.blueprint = blueprint;
  }

  @Override
  public TrainedModel train(TrainingData data, TrainingContext context) {
    SequentialSpec spec = blueprint.spec();
    Architecture architecture = blueprint.architecture(data.train().numItems());
    try (TrainableNetwork network = spec.backendKind().network(architecture, context.seed(),
        spec.training().resolvedThreads())) {
      TrainingOutcome outcome = new SequenceTrainer(spec.training().settings(spec.maxLen())).train(network, data,
          context);
      return ComposedModel.copyOf(spec, architecture, network.parameters(), data.train().items(),
          TrainingProvenance.of(outcome, spec.training().metric(), data, context));
    }
  }
}
