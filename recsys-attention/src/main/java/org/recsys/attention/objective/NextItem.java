package org.recsys.attention.objective;

import org.recsys.attention.train.TrainingBatch;

/** Every position predicts the item that follows it (SASRec, GRU4Rec with all positions). */
public record NextItem() implements Objective {
  @Override
  public String name() {
    return "next-item";
  }

  @Override
  public boolean needsBidirectionalEncoder() {
    return false;
  }

  @Override
  public TrainingBatch prepare(TrainingBatch windows, int numItems, long seed) {
    return windows;
  }

  @Override
  public String describe() {
    return name();
  }
}
