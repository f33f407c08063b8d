package org.recsys.api;

/** Receives a trainer's progress. Every method has a no-op default. */
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * Called before each epoch.
   *
   * @param epoch 1-based epoch number
   * @param maxEpochs the most epochs the run will take
   * @param steps the number of steps (batches) in this epoch
   */
  default void onEpochStart(int epoch, int maxEpochs, int steps) {}

  /** Called after each optimisation step with the batch's loss. */
  default void onStep(int epoch, int step, double loss) {}

  /** Called after each epoch, once validation (if due) has run. */
  default void onEpochEnd(EpochResult result) {}

  /** Called once when training finishes, with the epoch whose weights were kept. */
  default void onTrainingEnd(int bestEpoch) {}

  /**
   * Polled between steps; returning true makes the trainer write a checkpoint and stop with a
   * {@link TrainingStoppedException}. Used for Ctrl-C.
   */
  default boolean stopRequested() {
    return false;
  }
}
