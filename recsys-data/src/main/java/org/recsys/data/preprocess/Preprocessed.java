package org.recsys.data.preprocess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.SequenceDataset;
import org.recsys.data.stats.DataStats;

/**
 * The outcome of preprocessing.
 *
 * @param dataset users' chronological sequences with the item vocabulary
 * @param before statistics of the data as read
 * @param after statistics of {@code dataset}
 * @param steps what each step did, in order, for reports and provenance (e.g. {@code kCore -> "users k=0,
 *     items k=5: 2 passes, removed 598 interactions, 0 users, 290 items"})
 */
public record Preprocessed(SequenceDataset dataset, DataStats before, DataStats after, Map<String, String> steps) {
  public Preprocessed {
    Objects.requireNonNull(dataset, "dataset");
    steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }
}
