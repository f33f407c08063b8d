package org.recsys.data.preprocess;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.recsys.data.io.InteractionSink;

/**
 * Interactions as read, in file order, stored column by column in primitive arrays: user and item as dense
 * indices into {@link #userId}/{@link #itemId} tables (in order of first appearance), timestamps and
 * ratings. Files without times get their line order as timestamps ({@link #hasTimestamps()} is then false).
 * Immutable; build one with {@link #builder()}, which is the {@link InteractionSink} a reader fills.
 */
public final class Interactions {
  private final String[] userIds;
  private final String[] itemIds;
  private final int[] users;
  private final int[] items;
  private final long[] times;
  private final float[] ratings;
  private final boolean hasTimestamps;

  private Interactions(String[] userIds, String[] itemIds, int[] users, int[] items, long[] times, float[] ratings,
      boolean hasTimestamps) {
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.users = users;
    this.items = items;
    this.times = times;
    this.ratings = ratings;
    this.hasTimestamps = hasTimestamps;
  }

  /** A builder that collects interactions from a reader. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of interactions. */
  public int size() {
    return users.length;
  }

  /** The number of distinct users. */
  public int numUsers() {
    return userIds.length;
  }

  /** The number of distinct items. */
  public int numItems() {
    return itemIds.length;
  }

  /** The user index (0-based) of interaction {@code i}. */
  public int user(int i) {
    return users[i];
  }

  /** The item index (0-based) of interaction {@code i}. */
  public int item(int i) {
    return items[i];
  }

  /** The timestamp of interaction {@code i} (its line order when the file has no times). */
  public long timestamp(int i) {
    return times[i];
  }

  /** The rating of interaction {@code i}, or NaN. */
  public double rating(int i) {
    return ratings == null ? Double.NaN : ratings[i];
  }

  /** The external id of user index {@code u}. */
  public String userId(int u) {
    return userIds[u];
  }

  /** The external id of item index {@code v}. */
  public String itemId(int v) {
    return itemIds[v];
  }

  /** True when the file carried event times. */
  public boolean hasTimestamps() {
    return hasTimestamps;
  }

  /** True when at least one interaction carries a rating. */
  public boolean hasRatings() {
    return ratings != null;
  }

  // Package-private raw access for the preprocessor, which only reads.
  int[] usersArray() {
    return users;
  }

  int[] itemsArray() {
    return items;
  }

  long[] timesArray() {
    return times;
  }

  float[] ratingsArray() {
    return ratings;
  }

  /** Collects interactions; ids are interned so each distinct id string is stored once. */
  public static final class Builder implements InteractionSink {
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final Map<String, Integer> itemIndex = new HashMap<>();
    private String[] userIds = new String[1024];
    private String[] itemIds = new String[1024];
    private int[] users = new int[1 << 16];
    private int[] items = new int[1 << 16];
    private long[] times = new long[1 << 16];
    private float[] ratings;
    private int size;
    private boolean timed;
    private boolean untimed;
    private String lastUser;
    private int lastUserIndex = -1;

    private Builder() {}

    @Override
    public void accept(String user, String item, long timestamp, double rating) {
      if (size == users.length) {
        int cap = size + (size >> 1);
        users = Arrays.copyOf(users, cap);
        items = Arrays.copyOf(items, cap);
        times = Arrays.copyOf(times, cap);
        if (ratings != null) {
          ratings = Arrays.copyOf(ratings, cap);
        }
      }
      // Files are usually grouped by user: skip the hash lookup for a repeated user.
      int u;
      if (user.equals(lastUser)) {
        u = lastUserIndex;
      } else {
        u = userIndex.computeIfAbsent(user, this::newUser);
        lastUser = user;
        lastUserIndex = u;
      }
      users[size] = u;
      items[size] = itemIndex.computeIfAbsent(item, this::newItem);
      if (timestamp == NO_TIME) {
        untimed = true;
        times[size] = size;
      } else {
        timed = true;
        times[size] = timestamp;
      }
      if (!Double.isNaN(rating)) {
        if (ratings == null) {
          ratings = new float[users.length];
          Arrays.fill(ratings, 0, size, Float.NaN);
        }
        ratings[size] = (float) rating;
      } else if (ratings != null) {
        ratings[size] = Float.NaN;
      }
      size++;
    }

    private int newUser(String id) {
      int n = userIndex.size();
      if (n == userIds.length) {
        userIds = Arrays.copyOf(userIds, n * 2);
      }
      userIds[n] = id;
      return n;
    }

    private int newItem(String id) {
      int n = itemIndex.size();
      if (n == itemIds.length) {
        itemIds = Arrays.copyOf(itemIds, n * 2);
      }
      itemIds[n] = id;
      return n;
    }

    /**
     * The interactions collected so far.
     *
     * @throws IllegalStateException when some interactions had times and others did not
     */
    public Interactions build() {
      if (timed && untimed) {
        throw new IllegalStateException("some interactions carry timestamps and others do not");
      }
      return new Interactions(Arrays.copyOf(userIds, userIndex.size()), Arrays.copyOf(itemIds, itemIndex.size()),
          Arrays.copyOf(users, size), Arrays.copyOf(items, size), Arrays.copyOf(times, size),
          ratings == null ? null : Arrays.copyOf(ratings, size), timed);
    }
  }
}
