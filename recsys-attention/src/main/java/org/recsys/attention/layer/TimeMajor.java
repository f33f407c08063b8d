package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;

/**
 * The time-major order in which the recurrent layers run a pass's rows (PyTorch's packed-sequence order): the
 * sequences sorted by length, longest first (stable), and their rows step by step, so that the sequences still
 * running at step {@code t} are a prefix of the previous step's and each step's recurrence is one GEMM over
 * consecutive rows. Time-major row {@code stepStart(t) + i} is step {@code t} of the {@code i}-th longest
 * sequence. Reused from pass to pass; not thread-safe.
 */
final class TimeMajor {
  private int steps;
  private int widest;
  private int[] rank = new int[0];
  private int[] active = new int[0];
  private int[] stepStart = new int[1];
  private int[] sequenceRow = new int[0];
  private int[] byLength = new int[1];
  private float[] row = new float[0];

  /** Lays out {@code rows}' sequences; {@code width} is the widest row the gathers and scatters will copy. */
  void reset(Rows rows, int width) {
    int count = rows.count();
    steps = rows.longest();
    if (rank.length < count) {
      rank = new int[count];
    }
    if (active.length < steps) {
      active = new int[steps];
      stepStart = new int[steps + 1];
    }
    if (sequenceRow.length < rows.rows()) {
      sequenceRow = new int[rows.rows()];
    }
    if (row.length < width) {
      row = new float[width];
    }
    // A stable counting sort, longest first, on the key steps - length: byLength[k + 1] counts the sequences of
    // key k, then byLength[k] is where the first of them goes.
    if (byLength.length < steps + 2) {
      byLength = new int[steps + 2];
    }
    Arrays.fill(byLength, 0, steps + 2, 0);
    for (int s = 0; s < count; s++) {
      byLength[steps - rows.length(s) + 1]++;
    }
    for (int n = 1; n <= steps + 1; n++) {
      byLength[n] += byLength[n - 1];
    }
    for (int s = 0; s < count; s++) {
      rank[s] = byLength[steps - rows.length(s)]++;
    }
    widest = 0;
    int at = 0;
    for (int t = 0; t < steps; t++) {
      stepStart[t] = at;
      int a = 0;
      for (int s = 0; s < count; s++) {
        if (rows.length(s) > t) {
          sequenceRow[at + rank[s]] = rows.start(s) + t;
          a++;
        }
      }
      active[t] = a;
      widest = Math.max(widest, a);
      at += a;
    }
    stepStart[steps] = at;
  }

  /** The steps: the longest sequence's length. */
  int steps() {
    return steps;
  }

  /** The sequences still running at step {@code t}. */
  int active(int t) {
    return active[t];
  }

  /** The first time-major row of step {@code t}. */
  int stepStart(int t) {
    return stepStart[t];
  }

  /** The most sequences running at one step (the first step's). */
  int widest() {
    return widest;
  }

  /**
   * Copies the sequence-major rows of {@code from} into time-major order in {@code to}, applying dropout with
   * {@code threshold} and {@code keepScale} when {@code mask} is not null: each sequence draws its mask from its own
   * stream, step by step, and {@code mask} keeps it (time-major) for {@link #scatter}.
   */
  void gather(Rows rows, FloatTensor from, FloatTensor to, int width, float[] mask, int threshold,
      float keepScale) {
    FloatBuffer src = from.buffer();
    FloatBuffer dst = to.buffer();
    float[] r = row;
    for (int s = 0; s < rows.count(); s++) {
      DropoutRandom random = mask == null ? null : rows.random(s);
      for (int t = 0; t < rows.length(s); t++) {
        int tr = stepStart[t] + rank[s];
        src.get((rows.start(s) + t) * width, r, 0, width);
        if (mask != null) {
          int o = tr * width;
          for (int j = 0; j < width; j++) {
            float m = random.keep(threshold) ? keepScale : 0f;
            mask[o + j] = m;
            r[j] *= m;
          }
        }
        dst.put(tr * width, r, 0, width);
      }
    }
  }

  /**
   * Copies the time-major rows of {@code from} back into sequence-major order in {@code to}, multiplied by
   * {@code mask} (time-major, as {@link #gather} drew it) when it is not null.
   */
  void scatter(int rows, FloatTensor from, FloatTensor to, int width, float[] mask) {
    FloatBuffer src = from.buffer();
    FloatBuffer dst = to.buffer();
    float[] r = row;
    for (int tr = 0; tr < rows; tr++) {
      src.get(tr * width, r, 0, width);
      if (mask != null) {
        int o = tr * width;
        for (int j = 0; j < width; j++) {
          r[j] *= mask[o + j];
        }
      }
      dst.put(sequenceRow[tr] * width, r, 0, width);
    }
  }
}
