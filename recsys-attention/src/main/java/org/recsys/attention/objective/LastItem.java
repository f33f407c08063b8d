package org.recsys.attention.objective;

import org.recsys.attention.train.TrainingBatch;

/** Only each window's last position predicts (its next item): one example per window, as in Caser or GRU4Rec's last-step training. */
public record LastItem() implements Objective {
  @Override
  public String name() {
    return "last-item";
  }

  @Override
  public boolean needsBidirectionalEncoder() {
    return false;
  }

  @Override
  public TrainingBatch prepare(TrainingBatch windows, int numItems, long seed) {
    int len = windows.maxLen();
    int[] targets = new int[windows.targets().length];
    for (int b = 0; b < windows.size(); b++) {
      int last = (b + 1) * len - 1;
      targets[last] = windows.targets()[last];
    }
    return new TrainingBatch(windows.size(), len, windows.inputs(), targets, windows.negatives(),
        windows.negativesPerPosition());
  }

  @Override
  public String describe() {
    return name();
  }
}
