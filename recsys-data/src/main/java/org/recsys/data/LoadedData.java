package org.recsys.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.SequenceDataset;
import org.recsys.data.io.ReadSummary;
import org.recsys.data.stats.DataStats;

/**
 * A data set read and preprocessed, with what is needed to report on it.
 *
 * @param dataset chronological user sequences with the item vocabulary
 * @param before statistics as read (equal to {@code after} for synthetic data)
 * @param after statistics after preprocessing
 * @param provenance where the data came from and what was done to it, in order (source, format, checksum,
 *     lines skipped, preprocessing steps)
 * @param read what the reader did, or null for synthetic data
 * @param titles item external id to title from the item side file; empty without one
 */
public record LoadedData(SequenceDataset dataset, DataStats before, DataStats after, Map<String, String> provenance,
    ReadSummary read, Map<String, String> titles) {
  public LoadedData {
    Objects.requireNonNull(dataset, "dataset");
    provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    titles = Collections.unmodifiableMap(new LinkedHashMap<>(titles));
  }

  /** True when the data carries real event times (so leave-one-out leaks across users in time). */
  public boolean hasTimestamps() {
    return dataset.users().stream().anyMatch(u -> u.hasTimestamps());
  }
}
