package org.recsys.baselines.markov;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;

/** Builds and loads the first-order Markov baseline ({@code type: markov}). */
public final class MarkovFactory implements ModelFactory<MarkovParams> {
  @Override
  public Class<MarkovParams> parametersType() {
    return MarkovParams.class;
  }

  @Override
  public Trainer trainer(MarkovParams parameters) {
    Objects.requireNonNull(parameters, "parameters");
    return (data, context) -> {
      MarkovModel model = MarkovModel.train(data.train(), parameters);
      context.listener().onTrainingEnd(1);
      return model;
    };
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    return MarkovModel.load(dir);
  }
}
