package org.recsys.attention.objective;

import org.recsys.attention.train.TrainingBatch;

/**
 * What a model learns to predict: turns the trainer's next-item windows into the inputs and targets of a step,
 * and says how a history is fed at inference. Immutable and thread-safe.
 */
public interface Objective {
  /** The config name ({@code next-item}, {@code last-item}, {@code masked-item}). */
  String name();

  /** Token ids beyond the catalogue that the item table needs (a mask token: 1). */
  default int specialTokens() {
    return 0;
  }

  /**
   * Whether the encoder must be bidirectional (true) or causal (false): predicting the next item from a position
   * that sees later items would read the answer, and a masked item is only predictable from both sides.
   */
  boolean needsBidirectionalEncoder();

  /**
   * The step's inputs and targets from right-aligned next-item windows over {@code numItems} items (row {@code b}
   * of {@code windows.targets()} is the window's items shifted by one).
   *
   * @param seed the step's seed, for objectives that draw (masks)
   */
  TrainingBatch prepare(TrainingBatch windows, int numItems, long seed);

  /** The ids fed to the encoder for a history at inference; its last position's state is scored. */
  default int[] inferenceInput(int[] history, int maxLen, int numItems) {
    return history;
  }

  /** The settings that change what a step computes, for a checkpoint's identity. */
  String describe();
}
