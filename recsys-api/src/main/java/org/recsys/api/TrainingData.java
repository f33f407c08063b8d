package org.recsys.api;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Trainer} learns from.
 *
 * @param train training sequences with their vocabulary
 * @param validation held-out cases from the training period for early stopping (may be empty)
 */
public record TrainingData(SequenceDataset train, List<EvalCase> validation) {
  public TrainingData {
    Objects.requireNonNull(train, "train");
    validation = List.copyOf(validation);
  }
}
