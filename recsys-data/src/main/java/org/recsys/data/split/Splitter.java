package org.recsys.data.split;

import org.recsys.api.SequenceDataset;

/** Splits a data set into training sequences and held-out evaluation cases without leaking the future. */
@FunctionalInterface
public interface Splitter {
  /**
   * Splits {@code data}.
   *
   * @throws IllegalArgumentException when no user is left with an evaluation case
   */
  DataSplit split(SequenceDataset data);
}
