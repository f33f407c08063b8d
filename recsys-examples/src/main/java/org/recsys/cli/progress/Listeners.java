package org.recsys.cli.progress;

import java.util.List;
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingListener;

/** Several listeners as one; a stop is requested when any of them asks. */
public final class Listeners implements TrainingListener {
  private final List<TrainingListener> all;

  public Listeners(TrainingListener... listeners) {
    this.all = List.of(listeners);
  }

  @Override
  public void onEpochStart(int epoch, int maxEpochs, int steps) {
    all.forEach(l -> l.onEpochStart(epoch, maxEpochs, steps));
  }

  @Override
  public void onStep(int epoch, int step, double loss) {
    all.forEach(l -> l.onStep(epoch, step, loss));
  }

  @Override
  public void onEpochEnd(EpochResult result) {
    all.forEach(l -> l.onEpochEnd(result));
  }

  @Override
  public void onTrainingEnd(int bestEpoch) {
    all.forEach(l -> l.onTrainingEnd(bestEpoch));
  }

  @Override
  public boolean stopRequested() {
    return all.stream().anyMatch(TrainingListener::stopRequested);
  }
}
