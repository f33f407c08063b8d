package org.recsys.attention.sasrec;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.train.DenseEncoder;
import org.recsys.attention.train.PackedSequences;

/**
 * SASRec's encoder: each history (its most recent {@code maxLen} items) through the network without dropout;
 * the state is the output at the last position. An empty history gets the final layer norm of the all-padding
 * state. Thread-safe: each call borrows its own pass (native buffers), returned to a pool afterwards.
 */
final class SasRecEncoder implements DenseEncoder {
  /** Histories per forward pass: bounds the pass's buffers (about 60 MB at maxLen 200, d 50). */
  private static final int CHUNK = 128;

  private final SasRecWeights weights;
  private final ConcurrentLinkedDeque<SasRecPass> pool = new ConcurrentLinkedDeque<>();

  SasRecEncoder(SasRecWeights weights) {
    this.weights = weights;
    // Callers (evaluators) encode from several threads at once: multi-threaded OpenBLAS would oversubscribe.
  }

  @Override
  public DenseStates encode(List<int[]> histories) {
    float[][] out = new float[histories.size()][];
    SasRecPass pass = pool.poll();
    if (pass == null) {
      pass = new SasRecPass(weights, 0f, null);
    }
    try {
      for (int c0 = 0; c0 < histories.size(); c0 += CHUNK) {
        List<int[]> chunk = histories.subList(c0, Math.min(histories.size(), c0 + CHUNK));
        PackedSequences packed = PackedSequences.fromHistories(chunk, weights.maxLen, weights.numItems);
        pass.forward(packed, 0, packed.count, false, 0L);
        pass.lastStates(out, c0);
      }
    } finally {
      pool.push(pass);
    }
    return new DenseStates(out, weights.dim);
  }

  @Override
  public void close() {
    SasRecPass p;
    while ((p = pool.poll()) != null) {
      p.close();
    }
  }
}
