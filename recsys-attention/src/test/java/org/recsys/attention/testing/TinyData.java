package org.recsys.attention.testing;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/** Hand-made data sets for tests. */
public final class TinyData {
  private TinyData() {}

  /** A vocabulary of items named "i1".."in". */
  public static ItemVocabulary vocabulary(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add("i" + i);
    }
    return ItemVocabulary.of(ids);
  }

  /** Users "u0".."u{k-1}" with the given sequences over {@code n} items. */
  public static SequenceDataset dataset(int n, int[]... sequences) {
    List<UserSequence> users = new ArrayList<>();
    for (int u = 0; u < sequences.length; u++) {
      users.add(UserSequence.of("u" + u, sequences[u]));
    }
    return new SequenceDataset(vocabulary(n), users);
  }
}
