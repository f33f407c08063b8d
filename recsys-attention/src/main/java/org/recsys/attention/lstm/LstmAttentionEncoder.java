package org.recsys.attention.lstm;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.train.DenseEncoder;
import org.recsys.attention.train.PackedSequences;

/**
 * The LSTM-attention encoder: each history (its most recent {@code maxLen} items) through the network without
 * dropout; the state is the one that predicts the item after the last position. Only that position's attention
 * is computed (O(n) per history rather than O(n^2)). Thread-safe: each call borrows its own pass (native
 * buffers), returned to a pool afterwards.
 */
final class LstmAttentionEncoder implements DenseEncoder {
  /** Histories per forward pass: bounds the pass's buffers. */
  private static final int CHUNK = 128;

  private final LstmAttentionWeights weights;
  private final int maxLen;
  private final ConcurrentLinkedDeque<LstmAttentionPass> pool = new ConcurrentLinkedDeque<>();

  LstmAttentionEncoder(LstmAttentionWeights weights, int maxLen) {
    this.weights = weights;
    this.maxLen = maxLen;
  }

  @Override
  public DenseStates encode(List<int[]> histories) {
    float[][] out = new float[histories.size()][];
    LstmAttentionPass pass = pool.poll();
    if (pass == null) {
      pass = new LstmAttentionPass(weights, 0f, null);
    }
    try {
      for (int c0 = 0; c0 < histories.size(); c0 += CHUNK) {
        List<int[]> chunk = histories.subList(c0, Math.min(histories.size(), c0 + CHUNK));
        PackedSequences packed = PackedSequences.fromHistories(chunk, maxLen, weights.numItems);
        pass.forward(packed, 0, packed.count, false, 0L, false);
        pass.lastStates(out, c0);
      }
    } finally {
      pool.push(pass);
    }
    return new DenseStates(out, weights.stateDim());
  }

  @Override
  public void close() {
    LstmAttentionPass p;
    while ((p = pool.poll()) != null) {
      p.close();
    }
  }
}
