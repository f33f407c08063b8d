package org.recsys.attention.train;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.EpochResult;

/** The loop's mutable progress, everything besides weights and optimiser moments that a checkpoint holds. */
final class TrainerState {
  /** The epoch to run next (1-based). */
  int epoch = 1;
  /** Steps of {@link #epoch} already taken. */
  int step;
  /** Loss summed over the steps already taken in {@link #epoch}. */
  double lossSum;
  /** Training seconds already spent in {@link #epoch}. */
  double seconds;
  double bestMetric = Double.NaN;
  int bestEpoch;
  int badValidations;
  boolean finished;
  boolean stoppedEarly;
  final List<EpochResult> history = new ArrayList<>();
  /** The best weights so far, or {@code null} when nothing was validated. */
  float[][] best;
}
