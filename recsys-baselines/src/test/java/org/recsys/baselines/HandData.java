package org.recsys.baselines;

import java.util.List;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * A hand-made training set whose counts are worked out in the tests: items a..d (ids 1..4), sequences
 * {@code 1 2 3}, {@code 1 2 4}, {@code 2 3}. Item counts: 1:2, 2:3, 3:2, 4:1 (8 in all). Transitions:
 * {@code 1->2} twice, {@code 2->3} twice, {@code 2->4} once; nothing follows 3 or 4.
 */
public final class HandData {
  private HandData() {}

  public static SequenceDataset train() {
    return new SequenceDataset(ItemVocabulary.of(List.of("a", "b", "c", "d")), List.of(
        UserSequence.of("u1", 1, 2, 3),
        UserSequence.of("u2", 1, 2, 4),
        UserSequence.of("u3", 2, 3)));
  }
}
