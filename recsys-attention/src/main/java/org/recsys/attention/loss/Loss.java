package org.recsys.attention.loss;

/**
 * A training loss over what a head scores. A loss either scores each target position against its target and
 * {@link #negatives()} sampled negatives ({@link CandidateLoss}), or against every item ({@link FullLoss}).
 * Losses are immutable and thread-safe; the per-row arithmetic runs on arrays the caller owns.
 */
public sealed interface Loss permits CandidateLoss, FullLoss {
  /** The config name ({@code bce}, {@code ce}, ...). */
  String name();

  /** Sampled negatives per position that training batches must carry (0: none). */
  int negatives();

  /**
   * The settings that change what a training step computes, as text: part of a checkpoint's identity, so that
   * resuming under another loss is refused.
   */
  String describe();
}
