package org.recsys.attention.train;

import org.recsys.api.Recommender;
import org.recsys.attention.nn.ParameterSet;

/**
 * What {@link SequenceTrainer} needs from a model: a differentiable network over next-item windows whose
 * weights live in a {@link ParameterSet}. The trainer owns the optimiser, the batches, validation, early
 * stopping, snapshots and checkpoints; the network only computes.
 */
public interface TrainableNetwork extends AutoCloseable {
  /** The weights and their gradients, in a fixed order: what the optimiser updates and checkpoints hold. */
  ParameterSet parameters();

  /**
   * The network's own choices that change what a training step computes (the loss and its settings, dropout,
   * and the like), as text. It is part of a checkpoint's identity, so that resuming with another loss is refused.
   */
  String trainingSetup();

  /** Sampled negatives per position that batches must carry (0 when the loss needs none). */
  int negativesPerPosition();

  /**
   * Runs forward and backward on one batch in training mode (dropout on), overwriting every gradient in
   * {@link #parameters()} with d(mean loss)/d(weight).
   *
   * @param seed seed of this step's random choices (dropout masks)
   * @return the mean loss over the batch's target positions (0 when it has none)
   */
  double computeGradients(TrainingBatch batch, long seed);

  /**
   * A recommender that reads the current weights in inference mode (no dropout), for validation. It sees later
   * weight changes; do not use it while a step runs.
   */
  Recommender recommender();

  /** Frees native memory and threads. */
  @Override
  void close();
}
