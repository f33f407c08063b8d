package org.recsys.cli.progress;

import org.recsys.api.TrainingListener;

/** Remembers which epoch's weights the trainer kept. */
public final class KeptEpoch implements TrainingListener {
  private volatile int bestEpoch;

  @Override
  public void onTrainingEnd(int best) {
    this.bestEpoch = best;
  }

  /** The epoch whose weights were kept, 0 if not reported. */
  public int bestEpoch() {
    return bestEpoch;
  }
}
