package org.recsys.attention.objective;

import java.util.SplittableRandom;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.train.TrainingBatch;

/**
 * The Cloze objective of BERT4Rec (Sun et al., CIKM 2019): each item of a window is replaced by a mask token
 * (id {@code numItems + 1}) with probability {@code probability} (at least one per window), and only masked
 * positions predict, their own original item. At inference the history gets a mask appended, whose state is
 * scored. Needs a bidirectional encoder.
 */
public record MaskedItem(double probability) implements Objective {
  public MaskedItem {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("the mask probability must be in (0, 1), got " + probability);
    }
  }

  @Override
  public String name() {
    return "masked-item";
  }

  @Override
  public int specialTokens() {
    return 1;
  }

  @Override
  public boolean needsBidirectionalEncoder() {
    return true;
  }

  @Override
  public TrainingBatch prepare(TrainingBatch windows, int numItems, long seed) {
    int len = windows.maxLen();
    int mask = numItems + 1;
    // The window's items are its targets row: the most recent maxLen items of the sequence.
    int[] sequence = windows.targets();
    int[] inputs = new int[sequence.length];
    int[] targets = new int[sequence.length];
    for (int b = 0; b < windows.size(); b++) {
      SplittableRandom random = new SplittableRandom(DropoutRandom.mix(seed, b));
      int from = b * len;
      int first = -1;
      int masked = 0;
      for (int t = from; t < from + len; t++) {
        int item = sequence[t];
        if (item == 0) {
          continue;
        }
        first = first < 0 ? t : first;
        if (random.nextDouble() < probability) {
          inputs[t] = mask;
          targets[t] = item;
          masked++;
        } else {
          inputs[t] = item;
        }
      }
      if (first >= 0 && masked == 0) {
        // Every window teaches something: mask one of its positions.
        int t = first + random.nextInt(from + len - first);
        inputs[t] = mask;
        targets[t] = sequence[t];
      }
    }
    return new TrainingBatch(windows.size(), len, inputs, targets, windows.negatives(), windows.negativesPerPosition());
  }

  @Override
  public int[] inferenceInput(int[] history, int maxLen, int numItems) {
    int keep = Math.min(history.length, maxLen - 1);
    int[] in = new int[keep + 1];
    System.arraycopy(history, history.length - keep, in, 0, keep);
    in[keep] = numItems + 1;
    return in;
  }

  @Override
  public String describe() {
    return name() + "(probability=" + probability + ")";
  }
}
