package org.recsys.baselines.pop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;

/** Builds and loads the popularity baseline ({@code type: pop}). */
public final class PopFactory implements ModelFactory<PopParams> {
  @Override
  public Class<PopParams> parametersType() {
    return PopParams.class;
  }

  @Override
  public Trainer trainer(PopParams parameters) {
    Objects.requireNonNull(parameters, "parameters");
    return (data, context) -> {
      PopModel model = PopModel.train(data.train());
      context.listener().onTrainingEnd(1);
      return model;
    };
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    return PopModel.load(dir);
  }
}
