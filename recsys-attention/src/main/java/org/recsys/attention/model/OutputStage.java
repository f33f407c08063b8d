package org.recsys.attention.model;

import java.nio.FloatBuffer;
import org.recsys.attention.head.CandidateScratch;
import org.recsys.attention.head.Scoring;
import org.recsys.attention.head.Head;
import org.recsys.attention.layer.RowBuffers;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.loss.CandidateLoss;
import org.recsys.attention.loss.FullLoss;
import org.recsys.attention.loss.Loss;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.WindowItems;
import org.recsys.attention.train.PackedSequences;

/**
 * One thread's fused head and loss in training: scores each target row through the head's {@link Scoring}
 * (its target and negatives, or every item), applies the loss to those scores, and back-propagates into the
 * states' gradient and the head's parameters' (table, per-item bias), without materialising more than one chunk
 * of logits.
 *
 * <p>A binary loss may add a learned score bias {@code b} to every score ({@code s = y . e + b}). A loss over
 * many negatives wants every score far below zero, and without this term the network can only get there by
 * giving every item embedding a shared direction, which swamps what tells items apart (it collapsed gBCE to a
 * popularity model; BENCHMARKS.md). Rankings do not change with it, so inference leaves it out.
 */
final class OutputStage implements AutoCloseable {
  private static final int CHUNK = 256;

  private final Scoring scoring;
  private final Loss loss;
  private final int dim;
  private final int numItems;
  private final FloatTensor bias;
  private final FloatTensor biasGradient;
  private FloatTensor logits;
  private float[] row;
  private float[] scratch;
  private float[] yRow;
  private float[] dyRow;
  private float[] zeroRow;
  private float[] scores;
  private int[] candidates;
  private final CandidateScratch candidateScratch;
  private final RowBuffers packedBuffers = new RowBuffers();
  private FloatTensor packedStates;
  private FloatTensor packedGradient;

  /**
   * @param biasIndex the score bias's position in {@code weights}, or -1 for none
   */
  OutputStage(Head head, Loss loss, ParameterSet weights, FloatTensor[] grads, int biasIndex) {
    this.scoring = head.scoring(weights, grads);
    this.loss = loss;
    this.dim = head.stateSize();
    this.numItems = head.numItems();
    this.bias = biasIndex < 0 ? null : weights.get(biasIndex).value();
    this.biasGradient = biasIndex < 0 ? null : grads[biasIndex];
    this.candidateScratch = new CandidateScratch(dim);
  }

  /**
   * The summed loss of the rows' targets, writing {@code d(loss * invCount)/d(y)} into {@code dy} (zero for rows
   * without a target).
   *
   * @param excluded the training windows' items, for a full loss that leaves them out; null otherwise
   */
  double compute(FloatTensor y, Rows rows, float invCount, FloatTensor dy, WindowItems excluded) {
    PackedSequences batch = rows.batch();
    if (loss instanceof CandidateLoss c) {
      return candidates(c, y, rows.rows(), batch.targets, rows.rowFrom(), batch.negatives, batch.negativesPerRow,
          invCount, dy);
    }
    return full((FullLoss) loss, y, rows.rows(), batch.targets, rows.rowFrom(), invCount, dy, excluded);
  }

  private double candidates(CandidateLoss c, FloatTensor y, int rows, int[] targets, int targetFrom,
      int[] negatives, int k, float invCount, FloatTensor dy) {
    ensureRowScratch(k);
    float b = bias == null ? 0f : bias.get(0);
    double biasSum = 0;
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int target = targets[targetFrom + r];
      if (target == 0) {
        dy.buffer().put(r * dim, zeroRow, 0, dim);
        continue;
      }
      y.buffer().get(r * dim, yRow, 0, dim);
      candidates[0] = target;
      System.arraycopy(negatives, (targetFrom + r) * k, candidates, 1, k);
      scoring.scoreCandidates(yRow, candidates, k + 1, candidateScratch, scores);
      if (bias != null) {
        for (int q = 0; q <= k; q++) {
          scores[q] += b;
        }
      }
      total += c.apply(scores, k + 1, invCount);
      if (bias != null) {
        for (int q = 0; q <= k; q++) {
          biasSum += scores[q];
        }
      }
      scoring.backCandidates(yRow, candidates, k + 1, candidateScratch, scores, dyRow);
      dy.buffer().put(r * dim, dyRow, 0, dim);
    }
    candidateScratch.flush();
    if (bias != null) {
      biasGradient.set(0, (float) (biasGradient.get(0) + biasSum));
    }
    return total;
  }

  private double full(FullLoss f, FloatTensor y, int rows, int[] targets, int targetFrom, float invCount,
      FloatTensor dy, WindowItems exclude) {
    if (logits == null) {
      // Allocated on first use only: CHUNK x (n + 1) floats is large for big catalogues.
      logits = FloatTensor.zeros((long) CHUNK * (numItems + 1));
      row = new float[numItems + 1];
      scratch = new float[numItems + 1];
    }
    int[] picked = targetRows(targets, targetFrom, rows);
    if (picked == null) {
      return full(f, y, dy, rows, null, targets, targetFrom, invCount, exclude);
    }
    // Only some rows predict (the masked-item objective): score just those, packed together, so that the
    // product with the item table, the largest cost of such a model, skips the rest.
    if (!packedBuffers.fits(picked.length)) {
      packedStates = packedBuffers.allocate(dim);
      packedGradient = packedBuffers.allocate(dim);
    }
    FloatBuffer yb = y.buffer();
    FloatBuffer sb = packedStates.buffer();
    float[] r = new float[dim];
    for (int i = 0; i < picked.length; i++) {
      yb.get(picked[i] * dim, r, 0, dim);
      sb.put(i * dim, r, 0, dim);
    }
    double total = full(f, packedStates, packedGradient, picked.length, picked, targets, targetFrom, invCount,
        exclude);
    dy.fill(0, rows * dim, 0f);
    FloatBuffer gb = packedGradient.buffer();
    FloatBuffer db = dy.buffer();
    for (int i = 0; i < picked.length; i++) {
      gb.get(i * dim, r, 0, dim);
      db.put(picked[i] * dim, r, 0, dim);
    }
    return total;
  }

  /** The rows with a target, or null when every row has one. */
  private static int[] targetRows(int[] targets, int targetFrom, int rows) {
    int count = 0;
    for (int r = 0; r < rows; r++) {
      count += targets[targetFrom + r] != 0 ? 1 : 0;
    }
    if (count == rows) {
      return null;
    }
    int[] picked = new int[count];
    for (int r = 0, k = 0; r < rows; r++) {
      if (targets[targetFrom + r] != 0) {
        picked[k++] = r;
      }
    }
    return picked;
  }

  /**
   * The full loss over {@code count} rows of {@code states}, each with a target, row {@code i} standing for batch
   * row {@code rowOf[i]} ({@code i} itself when {@code rowOf} is null).
   */
  private double full(FullLoss f, FloatTensor states, FloatTensor dStates, int count, int[] rowOf, int[] targets,
      int targetFrom, float invCount, WindowItems exclude) {
    int window = 0;
    int v = numItems + 1;
    FloatBuffer lb = logits.buffer();
    float[] x = row;
    double total = 0;
    for (int c0 = 0; c0 < count; c0 += CHUNK) {
      int m = Math.min(CHUNK, count - c0);
      scoring.scoreAll(states, c0, m, logits);
      for (int i = 0; i < m; i++) {
        int ro = i * v;
        int g = targetFrom + (rowOf == null ? c0 + i : rowOf[c0 + i]);
        int target = targets[g];
        lb.get(ro, x, 0, v);
        int from = 0;
        int to = 0;
        if (exclude != null) {
          while (exclude.start()[window + 1] <= g) {
            window++;
          }
          from = exclude.start()[window];
          to = exclude.start()[window + 1];
        }
        total += f.apply(x, scratch, v, target, invCount, exclude, from, to);
        lb.put(ro, x, 0, v);
      }
      scoring.backAll(logits, states, c0, m, dStates, row, scratch);
    }
    return total;
  }

  private void ensureRowScratch(int k) {
    if (scores == null || scores.length < k + 1) {
      yRow = new float[dim];
      dyRow = new float[dim];
      zeroRow = new float[dim];
      scores = new float[k + 1];
      candidates = new int[k + 1];
    }
  }

  @Override
  public void close() {
    candidateScratch.close();
    packedBuffers.close();
    if (logits != null) {
      logits.close();
      logits = null;
    }
  }
}
