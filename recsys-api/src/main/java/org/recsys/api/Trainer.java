package org.recsys.api;

/** Trains a model from data. One trainer may be used for several independent runs. */
@FunctionalInterface
public interface Trainer {
  /**
   * Trains on {@code data.train()}, using {@code data.validation()} (when not empty) for model selection.
   *
   * @throws TrainingStoppedException when {@link TrainingListener#stopRequested()} ended training early;
   *     the latest checkpoint, if the context names a directory, has been written
   */
  TrainedModel train(TrainingData data, TrainingContext context);
}
