package org.recsys.data.split;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.EvalCase;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingData;

/**
 * The result of a split. Every item in {@code train} happened before every validation target of the same
 * user, and validation targets come from the training period only.
 *
 * @param train what models learn from (same vocabulary as the input data set)
 * @param validation cases for early stopping, from the training period
 * @param test held-out cases for the final report
 * @param protocol how the split was made, for reports and provenance (e.g. {@code split=leave-one-out})
 * @param usersTrainOnly users too short for evaluation whose items were all kept for training
 * @param usersDropped users left out entirely
 * @param warnings things a report should show, e.g. leave-one-out used on data with real timestamps
 */
public record DataSplit(SequenceDataset train, List<EvalCase> validation, List<EvalCase> test,
    Map<String, String> protocol, int usersTrainOnly, int usersDropped, List<String> warnings) {
  public DataSplit {
    Objects.requireNonNull(train, "train");
    validation = List.copyOf(validation);
    test = List.copyOf(test);
    protocol = Collections.unmodifiableMap(new LinkedHashMap<>(protocol));
    warnings = List.copyOf(warnings);
  }

  /** The training sequences with the validation cases, as a {@link org.recsys.api.Trainer} takes them. */
  public TrainingData trainingData() {
    return new TrainingData(train, validation);
  }
}
