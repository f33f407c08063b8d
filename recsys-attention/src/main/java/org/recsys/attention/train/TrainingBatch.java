package org.recsys.attention.train;

import org.recsys.data.batch.Batch;

/**
 * One batch of right-aligned, left-padded next-item windows, as a {@link TrainableNetwork} consumes it. Row
 * {@code b} occupies {@code [b * maxLen, (b + 1) * maxLen)} of each array; 0 is padding and a 0 target means
 * "no loss here". The arrays are shared, not copied.
 *
 * @param size number of windows
 * @param maxLen positions per window
 * @param inputs input item ids, {@code size * maxLen}
 * @param targets next-item targets, {@code size * maxLen}
 * @param negatives {@code size * maxLen * negativesPerPosition} sampled negatives (empty when none)
 * @param negativesPerPosition negatives drawn per position (0 when none)
 */
public record TrainingBatch(int size, int maxLen, int[] inputs, int[] targets, int[] negatives,
    int negativesPerPosition) {
  public TrainingBatch {
    if (size < 0 || maxLen < 1 || negativesPerPosition < 0) {
      throw new IllegalArgumentException("bad batch shape: size=" + size + " maxLen=" + maxLen + " negatives="
          + negativesPerPosition);
    }
    long cells = (long) size * maxLen;
    if (inputs.length != cells || targets.length != cells) {
      throw new IllegalArgumentException("inputs and targets must hold size x maxLen = " + cells + " ids, got "
          + inputs.length + " and " + targets.length);
    }
    if (negatives.length != cells * negativesPerPosition) {
      throw new IllegalArgumentException("negatives must hold " + cells * negativesPerPosition + " ids, got "
          + negatives.length);
    }
  }

  /** The same batch as recsys-data's {@link Batch} (no copy). */
  public static TrainingBatch of(Batch batch) {
    return new TrainingBatch(batch.size(), batch.maxLen(), batch.inputs(), batch.targets(), batch.negatives(),
        batch.negativesPerPosition());
  }

  /** The number of positions with a target. */
  public int targetCount() {
    int n = 0;
    for (int t : targets) {
      if (t != 0) {
        n++;
      }
    }
    return n;
  }
}
