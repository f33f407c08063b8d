package org.recsys.attention.layer;

import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.train.PackedSequences;

/**
 * The rows one pass runs over: a contiguous range of sequences of a {@link PackedSequences}, oldest row first,
 * no padding. Local row {@code r} of sequence {@code s} lies in {@code [start(s), start(s + 1))}. In training
 * every sequence owns a dropout stream seeded from the step's seed and the sequence's index in the batch, which
 * the layers draw from in forward order, so that a step's masks do not depend on how the batch is split across
 * threads.
 *
 * <p>Mutable and reused from step to step by one thread's pass; layers read it, only {@link #reset} writes it.
 */
public final class Rows {
  private PackedSequences batch;
  private int seqFrom;
  private int count;
  private int rowFrom;
  private int rows;
  private int longest;
  private boolean training;
  private int[] localStart = new int[1];
  private DropoutRandom[] random = new DropoutRandom[0];
  /** For a view of each sequence's last row: the batch row of each local row; null otherwise. */
  private int[] batchRow;

  /**
   * Points this at sequences {@code [from, to)} of {@code packed}.
   *
   * @param training whether dropout is on; its streams restart from {@code seed}
   */
  public Rows reset(PackedSequences packed, int from, int to, boolean training, long seed) {
    batch = packed;
    batchRow = null;
    seqFrom = from;
    count = to - from;
    rowFrom = packed.start[from];
    rows = packed.start[to] - rowFrom;
    this.training = training;
    if (localStart.length < count + 1) {
      localStart = new int[count + 1];
    }
    longest = 0;
    for (int s = 0; s <= count; s++) {
      localStart[s] = packed.start[from + s] - rowFrom;
      if (s > 0) {
        longest = Math.max(longest, localStart[s] - localStart[s - 1]);
      }
    }
    if (packed.sharesPrefixes()) {
      if (training) {
        throw new IllegalArgumentException("a training pass over sequences that share prefixes");
      }
      for (int s = from; s < to; s++) {
        int root = packed.prefixRoot(s);
        if (root >= 0 && (root < from || root >= to)) {
          throw new IllegalArgumentException("sequence " + s + " shares its first rows with sequence " + root
              + ", outside the pass's sequences [" + from + ", " + to + ")");
        }
      }
    }
    if (training) {
      if (random.length < count) {
        DropoutRandom[] grown = new DropoutRandom[count];
        System.arraycopy(random, 0, grown, 0, random.length);
        for (int s = random.length; s < count; s++) {
          grown[s] = new DropoutRandom(0, 0);
        }
        random = grown;
      }
      for (int s = 0; s < count; s++) {
        random[s].reset(DropoutRandom.mix(seed, from + s));
      }
    }
    return this;
  }

  /**
   * Points this at the last row of each sequence of {@code full} (an inference pass: no dropout): sequence
   * {@code s} has one row, {@code start(s)}, or none when it is empty.
   */
  public Rows resetToLastRows(Rows full) {
    batch = full.batch;
    seqFrom = full.seqFrom;
    count = full.count;
    rowFrom = 0;
    training = false;
    if (localStart.length < count + 1) {
      localStart = new int[count + 1];
    }
    if (batchRow == null || batchRow.length < count) {
      batchRow = new int[Math.max(count, 1)];
    }
    int r = 0;
    for (int s = 0; s < count; s++) {
      localStart[s] = r;
      if (full.length(s) > 0) {
        batchRow[r++] = full.rowFrom + full.start(s + 1) - 1;
      }
    }
    localStart[count] = r;
    rows = r;
    longest = r > 0 ? 1 : 0;
    return this;
  }

  /** The local row of {@code full} that local row {@code r} of this last-rows view stands for. */
  public int rowIn(Rows full, int r) {
    return batchRow[r] - full.rowFrom;
  }

  /** The sequences. */
  public int count() {
    return count;
  }

  /** The rows, over all sequences. */
  public int rows() {
    return rows;
  }

  /** The first local row of sequence {@code s}; {@code start(count())} is {@link #rows()}. */
  public int start(int s) {
    return localStart[s];
  }

  /** The rows of sequence {@code s}. */
  public int length(int s) {
    return localStart[s + 1] - localStart[s];
  }

  /**
   * How many rows of sequence {@code s} come before its own, shared with another sequence of this pass that holds
   * them at {@link #sharedStart(int)} ({@link PackedSequences#sharingPrefixes}); 0 for most sequences. Only
   * causal layers at inference see such sequences.
   */
  public int shared(int s) {
    return batch.sharedRows(seqFrom + s);
  }

  /**
   * The local row where sequence {@code s}'s {@link #shared(int)} rows start, in the sequence holding them (a view
   * of whole sequences only, not of {@link #resetToLastRows last rows}).
   */
  public int sharedStart(int s) {
    return batch.start[batch.prefixRoot(seqFrom + s)] - rowFrom;
  }

  /** The longest sequence's length. */
  public int longest() {
    return longest;
  }

  /** Whether this is a training pass (dropout on). */
  public boolean training() {
    return training;
  }

  /** The item id at local row {@code r}. */
  public int item(int r) {
    return batch.items[batchRow == null ? rowFrom + r : batchRow[r]];
  }

  /** The column local row {@code r} had in its right-aligned window (for position embeddings). */
  public int windowPosition(int r) {
    return batch.positions[batchRow == null ? rowFrom + r : batchRow[r]];
  }

  /** Sequence {@code s}'s dropout stream (training passes only). */
  public DropoutRandom random(int s) {
    return random[s];
  }

  /** The packed batch. */
  public PackedSequences batch() {
    return batch;
  }

  /** The batch row of local row 0. */
  public int rowFrom() {
    return rowFrom;
  }
}
