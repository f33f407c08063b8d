package org.recsys.api;

import java.util.List;
import java.util.Objects;

/**
 * Users' item sequences with the vocabulary their ids come from. Every item id in every sequence is a
 * valid id of {@code items}.
 *
 * @param items the item vocabulary
 * @param users one sequence per user, in a stable order
 */
public record SequenceDataset(ItemVocabulary items, List<UserSequence> users) {
  public SequenceDataset {
    Objects.requireNonNull(items, "items");
    users = List.copyOf(users);
    for (UserSequence u : users) {
      for (int i = 0; i < u.length(); i++) {
        if (!items.contains(u.item(i))) {
          throw new IllegalArgumentException("user " + u.user() + ": item id " + u.item(i) + " at position " + i
              + " is out of the vocabulary's range 1.." + items.size());
        }
      }
    }
  }

  /** The number of items in the vocabulary. */
  public int numItems() {
    return items.size();
  }

  /** The total number of interactions over all users. */
  public long numInteractions() {
    long n = 0;
    for (UserSequence u : users) {
      n += u.length();
    }
    return n;
  }
}
