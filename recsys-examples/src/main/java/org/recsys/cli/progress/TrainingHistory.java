package org.recsys.cli.progress;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingListener;

/** Records every epoch's result and the kept epoch, for reports and charts. */
public final class TrainingHistory implements TrainingListener {
  private final List<EpochResult> epochs = new ArrayList<>();
  private int bestEpoch;

  @Override
  public synchronized void onEpochEnd(EpochResult result) {
    epochs.add(result);
  }

  @Override
  public synchronized void onTrainingEnd(int best) {
    this.bestEpoch = best;
  }

  /** The epochs seen so far, in order. */
  public synchronized List<EpochResult> epochs() {
    return List.copyOf(epochs);
  }

  /** The epoch whose weights were kept, 0 if not reported. */
  public synchronized int bestEpoch() {
    return bestEpoch;
  }
}
