package org.recsys.baselines.tribuo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;

/** Builds and loads the Tribuo next-item classifier baseline ({@code type: tribuo}). */
public final class TribuoFactory implements ModelFactory<TribuoParams> {
  @Override
  public Class<TribuoParams> parametersType() {
    return TribuoParams.class;
  }

  @Override
  public Trainer trainer(TribuoParams parameters) {
    Objects.requireNonNull(parameters, "parameters");
    return (data, context) -> TribuoModel.train(data.train(), parameters, context);
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    return TribuoModel.load(dir);
  }
}
