package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;

/**
 * The one sweep of every training-time dropout: each sequence's rows, block by block on heap arrays, drawing the
 * block's mask from the sequence's own stream (so masks do not depend on how sequences are split across threads)
 * and keeping it for the backward pass.
 */
final class DropoutSweep {
  /** What a layer does with one block: {@code values} holds {@code in}'s floats at {@code offset}. */
  @FunctionalInterface
  interface Block {
    void apply(int offset, float[] values, float[] mask, int n);
  }

  private final float[] values = new float[RowKernels.BLOCK];
  private final float[] mask = new float[RowKernels.BLOCK];

  /**
   * For each block of the {@code width} units of each sequence's rows: draws its mask (keep scale or 0) at drop
   * rate {@code threshold}, reads {@code in}, calls {@code block}, and stores the mask into {@code masks}.
   */
  void run(Rows rows, int width, int threshold, float keepScale, FloatTensor in, FloatTensor masks, Block block) {
    FloatBuffer x = in.buffer();
    FloatBuffer m = masks.buffer();
    for (int s = 0; s < rows.count(); s++) {
      DropoutRandom random = rows.random(s);
      int to = rows.start(s + 1) * width;
      for (int i0 = rows.start(s) * width; i0 < to; i0 += RowKernels.BLOCK) {
        int n = Math.min(RowKernels.BLOCK, to - i0);
        random.fill(mask, 0, n, threshold, keepScale);
        x.get(i0, values, 0, n);
        block.apply(i0, values, mask, n);
        m.put(i0, mask, 0, n);
      }
    }
  }
}
