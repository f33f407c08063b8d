package org.recsys.attention.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.DenseEncoder;
import org.recsys.attention.train.PackedSequences;

/**
 * A composed encoder at inference: each history as the objective feeds it (its most recent {@code maxLen} ids)
 * through the layers without dropout; the state is the output at the last position. An empty history gets the
 * encoder's {@link SequenceEncoder#emptyState}. Thread-safe: each call borrows its own pass (native buffers),
 * returned to a pool afterwards.
 */
final class ComposedEncoder implements DenseEncoder {
  /** Histories per forward pass: bounds the pass's buffers (about 60 MB at maxLen 200, d 50). */
  private static final int CHUNK = 128;

  private final Architecture architecture;
  private final ParameterSet weights;
  private final ConcurrentLinkedDeque<Scratch> pool = new ConcurrentLinkedDeque<>();

  private record Scratch(Rows rows, Rows last, SequenceEncoder.Pass pass) {}

  ComposedEncoder(Architecture architecture, ParameterSet weights) {
    this.architecture = architecture;
    this.weights = weights;
  }

  @Override
  public DenseStates encode(List<int[]> histories) {
    int d = architecture.encoder().outputSize();
    int maxLen = architecture.maxLen();
    int n = architecture.numItems();
    float[][] out = new float[histories.size()][];
    Scratch s = pool.poll();
    if (s == null) {
      s = new Scratch(new Rows(), new Rows(), architecture.encoder().pass(weights, false));
    }
    try {
      float[] empty = null;
      for (int c0 = 0; c0 < histories.size(); c0 += CHUNK) {
        List<int[]> chunk = new ArrayList<>(Math.min(CHUNK, histories.size() - c0));
        for (int i = c0; i < Math.min(histories.size(), c0 + CHUNK); i++) {
          checkIds(histories.get(i), n, i);
          chunk.add(architecture.objective().inferenceInput(histories.get(i), maxLen, n));
        }
        PackedSequences packed = PackedSequences.fromHistories(chunk, maxLen,
            n + architecture.objective().specialTokens());
        Rows rows = s.rows().reset(packed, 0, packed.count, false, 0L);
        FloatTensor y = s.pass().forwardLast(rows, s.last());
        for (int i = 0; i < packed.count; i++) {
          float[] row = new float[d];
          if (rows.length(i) == 0) {
            if (empty == null) {
              empty = architecture.encoder().emptyState(weights);
            }
            System.arraycopy(empty, 0, row, 0, d);
          } else {
            y.buffer().get(s.last().start(i) * d, row, 0, d);
          }
          out[c0 + i] = row;
        }
      }
    } finally {
      pool.push(s);
    }
    return new DenseStates(out, d);
  }

  private static void checkIds(int[] history, int numItems, int index) {
    for (int p = 0; p < history.length; p++) {
      if (history[p] < 1 || history[p] > numItems) {
        throw new IllegalArgumentException("history " + index + ": item id " + history[p] + " at position " + p
            + " is out of range (valid: 1.." + numItems + ")");
      }
    }
  }

  @Override
  public void close() {
    Scratch s;
    while ((s = pool.poll()) != null) {
      s.pass().close();
    }
  }
}
