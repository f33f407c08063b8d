package org.recsys.attention.train;

import java.util.List;

/**
 * What a {@link SequenceTrainer} run did. The network it trained holds the weights of {@code bestEpoch}.
 *
 * @param bestEpoch the epoch whose weights were kept (the last one when nothing was validated)
 * @param bestMetric the validation metric at {@code bestEpoch}, NaN when nothing was validated
 * @param epochsRun epochs completed, including those of a resumed run before it was resumed
 * @param stoppedEarly whether patience ran out (validation stopped improving)
 * @param history one result per completed epoch
 */
public record TrainingOutcome(int bestEpoch, double bestMetric, int epochsRun, boolean stoppedEarly,
    List<org.recsys.api.EpochResult> history) {
  public TrainingOutcome {
    history = List.copyOf(history);
  }
}
