package org.recsys.attention.sasrec;

import java.io.IOException;
import java.nio.file.Path;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;

/** Builds SASRec trainers and loads saved SASRec models; registered as {@code type: sasrec}. */
public final class SasRecFactory implements ModelFactory<SasRecParams> {
  @Override
  public Class<SasRecParams> parametersType() {
    return SasRecParams.class;
  }

  @Override
  public Trainer trainer(SasRecParams parameters) {
    return new SasRecTrainer(parameters == null ? SasRecParams.defaults() : parameters);
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    return SasRecModel.load(dir);
  }
}
