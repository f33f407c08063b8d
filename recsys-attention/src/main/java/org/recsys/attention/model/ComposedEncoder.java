package org.recsys.attention.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.recsys.api.explain.AttentionMap;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.attention.layer.RowAttention;
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
  /**
   * Fewer first rows in common than this are not shared between histories: a shared range costs two more small
   * products per head, which a handful of rows does not repay.
   */
  private static final int MIN_SHARED_ROWS = 8;

  private final Architecture architecture;
  private final ParameterSet weights;
  private final ConcurrentLinkedDeque<Scratch> pool = new ConcurrentLinkedDeque<>();
  private final boolean sharesPrefixes;

  private record Scratch(Rows rows, Rows last, SequenceEncoder.Pass pass) {}

  ComposedEncoder(Architecture architecture, ParameterSet weights) {
    this.architecture = architecture;
    this.weights = weights;
    this.sharesPrefixes = architecture.encoder().sharesPrefixes();
  }

  @Override
  public DenseStates encode(List<int[]> histories) {
    int d = architecture.encoder().outputSize();
    int maxLen = architecture.maxLen();
    int n = architecture.numItems();
    float[][] out = new float[histories.size()][];
    Scratch s = borrow();
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
        if (sharesPrefixes) {
          // Leave-one-out histories (an occlusion explanation) share everything before the item they leave out.
          packed = packed.sharingPrefixes(MIN_SHARED_ROWS);
        }
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

  /**
   * How many of a history's most recent items the encoder reads: found by feeding the objective a history longer
   * than the window and counting the catalogue ids among the rows it keeps, so that any objective (one that
   * appends a mask keeps {@code maxLen - 1}) is covered.
   */
  int historyWindow() {
    int maxLen = architecture.maxLen();
    int n = architecture.numItems();
    int[] longer = new int[maxLen + 1];
    Arrays.fill(longer, 1);
    int[] input = architecture.objective().inferenceInput(longer, maxLen, n);
    int items = 0;
    for (int i = Math.max(0, input.length - maxLen); i < input.length; i++) {
      items += input[i] <= n ? 1 : 0;
    }
    return items;
  }

  /**
   * The last position's attention weights for {@code history}, over the window as the objective feeds it: a full
   * forward of the one history (every row of every block, which scoring skips in the last block), whose last
   * rows are the ones scoring computes.
   */
  AttentionMaps attention(int[] history) {
    int maxLen = architecture.maxLen();
    int n = architecture.numItems();
    checkIds(history, n, 0);
    int[] input = architecture.objective().inferenceInput(history, maxLen, n);
    PackedSequences packed = PackedSequences.fromHistories(List.of(input), maxLen,
        n + architecture.objective().specialTokens());
    int visible = packed.length(0);
    int[] window = new int[maxLen];
    Arrays.fill(window, AttentionMaps.PADDING);
    // Walk back from the most recent: the objective may append tokens of its own (a mask), which are no item.
    int h = history.length - 1;
    for (int r = visible - 1; r >= 0; r--) {
      int token = input[input.length - visible + r];
      int slot = maxLen - visible + r;
      if (token > n) {
        window[slot] = AttentionMaps.SPECIAL_TOKEN;
      } else if (h >= 0 && history[h] == token) {
        window[slot] = h--;
      } else {
        throw new IllegalStateException("objective " + architecture.objective().name() + " feeds item " + token
            + " where the history has " + (h >= 0 ? "item " + history[h] : "nothing"));
      }
    }
    if (visible == 0) {
      return new AttentionMaps(window, List.of());
    }
    List<AttentionMap> maps = new ArrayList<>();
    Scratch s = borrow();
    try {
      Rows rows = s.rows().reset(packed, 0, 1, false, 0L);
      s.pass().forward(rows);
      for (RowAttention a : s.pass().lastRowAttention(rows, 0)) {
        float[] w = new float[maxLen];
        System.arraycopy(a.weights(), 0, w, maxLen - visible, visible);
        maps.add(new AttentionMap(a.layer(), a.kind(), a.head(), w));
      }
    } finally {
      pool.push(s);
    }
    return new AttentionMaps(window, maps);
  }

  private Scratch borrow() {
    Scratch s = pool.poll();
    return s != null ? s : new Scratch(new Rows(), new Rows(), architecture.encoder().pass(weights, false));
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
