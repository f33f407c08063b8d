package org.recsys.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One user's interactions in time order, as dense item ids.
 *
 * @param user external user id
 * @param items internal item ids, oldest first; each {@code >= 1}
 * @param timestamps one per item, non-decreasing, or an empty array when the data has no times
 */
public record UserSequence(String user, int[] items, long[] timestamps) {
  public UserSequence {
    Objects.requireNonNull(user, "user");
    items = items.clone();
    timestamps = timestamps == null ? new long[0] : timestamps.clone();
    for (int i = 0; i < items.length; i++) {
      if (items[i] < 1) {
        throw new IllegalArgumentException("user " + user + ": item id " + items[i] + " at position " + i
            + " is not an item (ids start at 1; 0 is padding)");
      }
    }
    if (timestamps.length != 0 && timestamps.length != items.length) {
      throw new IllegalArgumentException("user " + user + ": " + timestamps.length + " timestamps for "
          + items.length + " items");
    }
    for (int i = 1; i < timestamps.length; i++) {
      if (timestamps[i] < timestamps[i - 1]) {
        throw new IllegalArgumentException("user " + user + ": timestamps decrease at position " + i);
      }
    }
  }

  /** A sequence without timestamps. */
  public static UserSequence of(String user, int... items) {
    return new UserSequence(user, items, new long[0]);
  }

  /** The item ids, oldest first (a copy). */
  @Override
  public int[] items() {
    return items.clone();
  }

  /** The timestamps (a copy); empty when the data has none. */
  @Override
  public long[] timestamps() {
    return timestamps.clone();
  }

  /** The number of interactions. */
  public int length() {
    return items.length;
  }

  /** The item at position {@code i} (0 = oldest), without copying. */
  public int item(int i) {
    return items[i];
  }

  /** The timestamp at position {@code i}. */
  public long timestamp(int i) {
    return timestamps[i];
  }

  /** True when the sequence carries timestamps. */
  public boolean hasTimestamps() {
    return timestamps.length == items.length && items.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserSequence other && user.equals(other.user) && Arrays.equals(items, other.items)
        && Arrays.equals(timestamps, other.timestamps);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * user.hashCode() + Arrays.hashCode(items)) + Arrays.hashCode(timestamps);
  }

  @Override
  public String toString() {
    return "UserSequence[user=" + user + ", length=" + items.length + "]";
  }
}
