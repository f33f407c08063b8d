package org.recsys.attention.lstm;

import java.io.IOException;
import java.nio.file.Path;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;

/** Builds LSTM-attention trainers and loads saved models; registered as {@code type: lstm-attention}. */
public final class LstmAttentionFactory implements ModelFactory<LstmAttentionParams> {
  @Override
  public Class<LstmAttentionParams> parametersType() {
    return LstmAttentionParams.class;
  }

  @Override
  public Trainer trainer(LstmAttentionParams parameters) {
    return new LstmAttentionTrainer(parameters == null ? LstmAttentionParams.defaults() : parameters);
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    return LstmAttentionModel.load(dir);
  }
}
