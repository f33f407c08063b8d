package org.recsys.data.batch;

/**
 * One training batch of right-aligned, left-padded windows, as flat row-major primitive arrays. Row {@code b}
 * occupies {@code [b * maxLen, (b + 1) * maxLen)}; position {@code maxLen - 1} is the most recent item. At
 * every position, {@code targets} holds the item that followed {@code inputs}; padding is 0 in all arrays and
 * a 0 target means "no loss here".
 *
 * <p>The arrays are handed over without copying: the batch is freshly allocated and the caller owns it.
 */
public final class Batch {
  private final int size;
  private final int maxLen;
  private final int negativesPerPosition;
  private final int[] users;
  private final int[] inputs;
  private final int[] targets;
  private final int[] negatives;

  Batch(int size, int maxLen, int negativesPerPosition, int[] users, int[] inputs, int[] targets, int[] negatives) {
    this.size = size;
    this.maxLen = maxLen;
    this.negativesPerPosition = negativesPerPosition;
    this.users = users;
    this.inputs = inputs;
    this.targets = targets;
    this.negatives = negatives;
  }

  /** The number of rows (windows) in this batch; the last batch of an epoch may be smaller. */
  public int size() {
    return size;
  }

  /** The window length; every row has exactly this many positions. */
  public int maxLen() {
    return maxLen;
  }

  /** Negatives drawn per position, 0 when the batches were made without a sampler. */
  public int negativesPerPosition() {
    return negativesPerPosition;
  }

  /** Per row, the index of its user in the training data set's {@code users()} list. */
  public int[] users() {
    return users;
  }

  /** Input item ids, {@code size * maxLen}, row-major, left-padded with 0. */
  public int[] inputs() {
    return inputs;
  }

  /** Next-item targets aligned with {@link #inputs()}, {@code size * maxLen}; 0 where the input is padding. */
  public int[] targets() {
    return targets;
  }

  /**
   * Negative item ids, {@code size * maxLen * negativesPerPosition()}: the negatives of row {@code b},
   * position {@code t} start at {@code (b * maxLen + t) * negativesPerPosition()}. Each is an item the user
   * never interacted with in training; 0 where the target is 0. Empty without a sampler.
   */
  public int[] negatives() {
    return negatives;
  }

  /** The input at row {@code b}, position {@code t}. */
  public int input(int b, int t) {
    return inputs[b * maxLen + t];
  }

  /** The target at row {@code b}, position {@code t}. */
  public int target(int b, int t) {
    return targets[b * maxLen + t];
  }

  /** The {@code k}-th negative at row {@code b}, position {@code t}. */
  public int negative(int b, int t, int k) {
    return negatives[(b * maxLen + t) * negativesPerPosition + k];
  }

  /** The number of positions with a target (the loss's denominator). */
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
