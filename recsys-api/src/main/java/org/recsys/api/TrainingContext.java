package org.recsys.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a training run is carried out, independent of the model's own hyperparameters.
 *
 * @param seed the seed of every random choice the trainer makes
 * @param validator scores the model on the validation cases; {@code null} when no validation is wanted
 * @param checkpointDir where checkpoints are written atomically, or {@code null} for none
 * @param resume continue from the checkpoint in {@code checkpointDir} if one exists
 * @param listener receives progress
 */
public record TrainingContext(long seed, Evaluator validator, Path checkpointDir, boolean resume,
    TrainingListener listener) {
  public TrainingContext {
    Objects.requireNonNull(listener, "listener");
    if (resume && checkpointDir == null) {
      throw new IllegalArgumentException("resume needs a checkpoint directory");
    }
  }

  /** A context with a seed and nothing else: no validation, no checkpoints, no progress output. */
  public static TrainingContext ofSeed(long seed) {
    return new TrainingContext(seed, null, null, false, TrainingListener.NONE);
  }

  /** The same context with another validator. */
  public TrainingContext withValidator(Evaluator newValidator) {
    return new TrainingContext(seed, newValidator, checkpointDir, resume, listener);
  }

  /** The same context with another listener. */
  public TrainingContext withListener(TrainingListener newListener) {
    return new TrainingContext(seed, validator, checkpointDir, resume, newListener);
  }
}
