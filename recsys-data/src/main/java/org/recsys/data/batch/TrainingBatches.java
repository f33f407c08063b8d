package org.recsys.data.batch;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.sampling.NegativeSampler;

/**
 * Turns training sequences into shuffled batches of next-item windows, SASRec style: each user with at least
 * two items gives one window whose inputs are {@code items[0..n-2]} and targets {@code items[1..n-1]}, keeping
 * the most recent {@code maxLen} positions, right-aligned and left-padded with 0.
 *
 * <p>The sequences are copied once into flat arrays at construction; an epoch allocates only its batches'
 * arrays. Epoch {@code e} depends only on the seed and {@code e} (not on earlier epochs), so a resumed run
 * sees the same batches.
 *
 * <pre>{@code
 * TrainingBatches batches = new TrainingBatches(split.train(), 200, 128, seed)
 *     .withNegatives(NegativeSampler.uniform(split.train().numItems(), seed), 1);
 * for (Iterator<Batch> it = batches.epoch(epoch); it.hasNext(); ) { Batch b = it.next(); ... }
 * }</pre>
 */
public final class TrainingBatches {
  private final int maxLen;
  private final int batchSize;
  private final long seed;
  private final int[] userIndex;
  private final int[] offsets;
  private final int[] items;
  private final NegativeSampler sampler;
  private final int negativesPerPosition;

  /**
   * Prepares batches of {@code train}.
   *
   * @param maxLen window length (positions per row), at least 1
   * @param batchSize rows per batch, at least 1
   * @param seed seed of the per-epoch shuffle (and of the negatives)
   */
  public TrainingBatches(SequenceDataset train, int maxLen, int batchSize, long seed) {
    this(prepare(train, maxLen, batchSize), maxLen, batchSize, seed, null, 0);
  }

  private TrainingBatches(Flat flat, int maxLen, int batchSize, long seed, NegativeSampler sampler,
      int negativesPerPosition) {
    this.maxLen = maxLen;
    this.batchSize = batchSize;
    this.seed = seed;
    this.userIndex = flat.userIndex();
    this.offsets = flat.offsets();
    this.items = flat.items();
    this.sampler = sampler;
    this.negativesPerPosition = negativesPerPosition;
  }

  /**
   * The same batches with {@code perPosition} negatives at each target position, drawn by {@code sampler}
   * among items not in the user's training sequence. The sampler is reseeded at each epoch from this seed.
   */
  public TrainingBatches withNegatives(NegativeSampler sampler, int perPosition) {
    if (perPosition < 1) {
      throw new IllegalArgumentException("negatives per position must be >= 1, got " + perPosition);
    }
    return new TrainingBatches(new Flat(userIndex, offsets, items), maxLen, batchSize, seed,
        java.util.Objects.requireNonNull(sampler, "sampler"), perPosition);
  }

  /** All training sequences with 2+ items, concatenated; row r is items[offsets[r]..offsets[r+1]). */
  private record Flat(int[] userIndex, int[] offsets, int[] items) {}

  private static Flat prepare(SequenceDataset train, int maxLen, int batchSize) {
    if (maxLen < 1) {
      throw new IllegalArgumentException("maxLen must be >= 1, got " + maxLen);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    int rows = 0;
    long total = 0;
    for (UserSequence u : train.users()) {
      if (u.length() >= 2) {
        rows++;
        total += u.length();
      }
    }
    if (rows == 0) {
      throw new IllegalArgumentException("no training sequence has 2 or more items: nothing to learn from");
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many training interactions for one array: " + total);
    }
    int[] userIndex = new int[rows];
    int[] offsets = new int[rows + 1];
    int[] items = new int[(int) total];
    int r = 0;
    int pos = 0;
    for (int i = 0; i < train.users().size(); i++) {
      UserSequence u = train.users().get(i);
      if (u.length() >= 2) {
        userIndex[r] = i;
        offsets[r] = pos;
        for (int j = 0; j < u.length(); j++) {
          items[pos++] = u.item(j);
        }
        r++;
      }
    }
    offsets[rows] = pos;
    return new Flat(userIndex, offsets, items);
  }

  /** The number of windows per epoch (users with at least two training items). */
  public int numWindows() {
    return userIndex.length;
  }

  /** The number of batches per epoch. */
  public int batchesPerEpoch() {
    return (userIndex.length + batchSize - 1) / batchSize;
  }

  /** The window length. */
  public int maxLen() {
    return maxLen;
  }

  /**
   * The batches of one epoch, in an order shuffled by the seed and {@code epoch}. Not thread-safe when
   * negatives are drawn (the sampler is shared): iterate one epoch at a time.
   */
  public Iterator<Batch> epoch(int epoch) {
    long epochSeed = mix(seed, epoch);
    int[] order = new int[userIndex.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(epochSeed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    if (sampler != null) {
      sampler.reseed(mix(epochSeed, 1));
    }
    return new Iterator<>() {
      private int next = 0;

      @Override
      public boolean hasNext() {
        return next < order.length;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("epoch " + epoch + " has " + batchesPerEpoch() + " batches");
        }
        int rows = Math.min(batchSize, order.length - next);
        Batch b = build(order, next, rows);
        next += rows;
        return b;
      }
    };
  }

  /** The window of training row {@code row} (0..numWindows-1, in data set order) as a one-row batch. */
  public Batch window(int row) {
    return build(new int[] {row}, 0, 1);
  }

  private Batch build(int[] order, int from, int rows) {
    int[] users = new int[rows];
    int[] inputs = new int[rows * maxLen];
    int[] targets = new int[rows * maxLen];
    int k = negativesPerPosition;
    int[] negatives = new int[sampler == null ? 0 : rows * maxLen * k];
    for (int b = 0; b < rows; b++) {
      int row = order[from + b];
      users[b] = userIndex[row];
      int start = offsets[row];
      int end = offsets[row + 1];
      // Inputs items[start..end-2], targets items[start+1..end-1]; keep the last maxLen pairs.
      int pairs = Math.min(end - start - 1, maxLen);
      int base = b * maxLen + (maxLen - pairs);
      System.arraycopy(items, end - 1 - pairs, inputs, base, pairs);
      System.arraycopy(items, end - pairs, targets, base, pairs);
      if (sampler != null) {
        sampler.exclude(items, start, end);
        sampler.fill(negatives, base * k, pairs * k);
      }
    }
    return new Batch(rows, maxLen, k, users, inputs, targets, negatives);
  }

  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
