package org.recsys.data.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.stats.DataStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns interactions as read into chronological user sequences over a dense item vocabulary:
 * <ol>
 *   <li>rating threshold (optional): keep interactions rated at least the threshold;</li>
 *   <li>chronological order per user, ties broken by file order (a stable sort on the timestamp, so two
 *       events with the same time stay in the order of their lines); files without times keep line order;</li>
 *   <li>dedupe (optional), see {@link DedupeMode};</li>
 *   <li>iterative k-core (optional): drop users with fewer than {@code userCore} and items with fewer than
 *       {@code itemCore} interactions, and repeat until no count falls below its k;</li>
 *   <li>vocabularies: items and users in {@link IdOrder}; item {@code i} in that order gets internal id
 *       {@code i + 1}.</li>
 * </ol>
 * Works on primitive arrays throughout; a step that removes everything throws {@link EmptyDataException}.
 */
public final class Preprocessor {
  /** The key of {@link Preprocessed#steps()} that holds a warning about the data, when there is one. */
  public static final String WARNING = "warning";
  private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);

  private final PreprocessOptions options;

  public Preprocessor(PreprocessOptions options) {
    this.options = options == null ? PreprocessOptions.none() : options;
  }

  /**
   * Runs the steps on {@code data}.
   *
   * @throws EmptyDataException when a step removes every interaction, naming the step
   * @throws org.recsys.api.ConfigException when a rating threshold is set but the data has no ratings
   */
  public Preprocessed apply(Interactions data) {
    Map<String, String> steps = new LinkedHashMap<>();
    DataStats before = DataStats.of(data);
    int[] users = data.usersArray();
    int[] items = data.itemsArray();
    long[] times = data.timesArray();
    int n = data.size();
    if (n == 0) {
      throw new EmptyDataException("the data holds no interactions");
    }

    // 1. Rating threshold, keeping file order.
    int[] kept;
    if (options.ratingThreshold() != null) {
      if (!data.hasRatings()) {
        throw new org.recsys.api.ConfigException("data.preprocess.ratingThreshold",
            "ratingThreshold is set but the data has no ratings");
      }
      float[] ratings = data.ratingsArray();
      double t = options.ratingThreshold();
      kept = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (ratings[i] >= t) {
          kept[m++] = i;
        }
      }
      kept = java.util.Arrays.copyOf(kept, m);
      steps.put("ratingThreshold", String.format(Locale.ROOT, ">= %s: removed %,d interactions",
          options.ratingThreshold(), n - m));
      if (m == 0) {
        throw new EmptyDataException("rating threshold " + options.ratingThreshold()
            + " removed every interaction (" + String.format(Locale.ROOT, "%,d", n) + ")");
      }
    } else {
      kept = new int[n];
      for (int i = 0; i < n; i++) {
        kept[i] = i;
      }
    }

    // 2. Group by user (stable counting sort), then a stable sort by time within each user.
    int numUsers = data.numUsers();
    int[] start = new int[numUsers + 1];
    for (int i : kept) {
      start[users[i] + 1]++;
    }
    for (int u = 0; u < numUsers; u++) {
      start[u + 1] += start[u];
    }
    int[] order = new int[kept.length];
    int[] fill = java.util.Arrays.copyOf(start, numUsers);
    for (int i : kept) {
      order[fill[users[i]]++] = i;
    }
    kept = null;
    int[] buffer = new int[16];
    boolean reordered = false;
    for (int u = 0; u < numUsers; u++) {
      int a = start[u];
      int b = start[u + 1];
      if (!sortedByTime(order, a, b, times)) {
        if (buffer.length < b - a) {
          buffer = new int[b - a];
        }
        mergeSort(order, a, b, times, buffer);
        reordered = true;
      }
    }
    steps.put("order", data.hasTimestamps()
        ? "chronological per user, equal timestamps in file order" + (reordered ? "" : " (file was already in order)")
        : "file order per user (no timestamps)");

    // 3. Dedupe, within each user.
    boolean[] alive = new boolean[order.length];
    java.util.Arrays.fill(alive, true);
    int aliveCount = order.length;
    DedupeMode dedupe = options.dedupeMode();
    if (dedupe != DedupeMode.NONE) {
      int[] stamp = new int[data.numItems()];
      java.util.Arrays.fill(stamp, -1);
      boolean timed = data.hasTimestamps();
      int run = -1;
      int removed = 0;
      for (int u = 0; u < numUsers; u++) {
        for (int p = start[u]; p < start[u + 1]; p++) {
          int i = order[p];
          boolean dup;
          if (dedupe == DedupeMode.FIRST) {
            dup = stamp[items[i]] == u;
            stamp[items[i]] = u;
          } else if (timed) {
            // A run is a user's events with one timestamp; a duplicate repeats an item within its run.
            if (p == start[u] || times[i] != times[order[p - 1]]) {
              run++;
            }
            dup = stamp[items[i]] == run;
            stamp[items[i]] = run;
          } else {
            dup = p > start[u] && items[order[p - 1]] == items[i];
          }
          if (dup) {
            alive[p] = false;
            removed++;
          }
        }
      }
      aliveCount -= removed;
      steps.put("dedupe", String.format(Locale.ROOT, "%s: removed %,d interactions", dedupe.configName(), removed));
    }

    // 4. Iterative k-core.
    int uk = options.userCore();
    int ik = options.itemCore();
    if (uk > 1 || ik > 1) {
      int[] userCount = new int[numUsers];
      int[] itemCount = new int[data.numItems()];
      for (int p = 0; p < order.length; p++) {
        if (alive[p]) {
          userCount[users[order[p]]]++;
          itemCount[items[order[p]]]++;
        }
      }
      int usersBefore = countPositive(userCount);
      int itemsBefore = countPositive(itemCount);
      int aliveBefore = aliveCount;
      int rounds = 0;
      boolean changed = true;
      while (changed) {
        changed = false;
        rounds++;
        for (int p = 0; p < order.length; p++) {
          if (alive[p]) {
            int i = order[p];
            if (userCount[users[i]] < uk || itemCount[items[i]] < ik) {
              alive[p] = false;
              userCount[users[i]]--;
              itemCount[items[i]]--;
              aliveCount--;
              changed = true;
            }
          }
        }
      }
      int usersAfter = countPositive(userCount);
      int itemsAfter = countPositive(itemCount);
      String desc = "users k=" + uk + ", items k=" + ik;
      if (aliveCount == 0) {
        throw new EmptyDataException("k-core (" + desc + ") removed every user (" + usersBefore + " users, "
            + itemsBefore + " items, " + aliveBefore + " interactions before it)");
      }
      steps.put("kCore", String.format(Locale.ROOT, "%s: %d passes, removed %,d interactions, %,d users, %,d items",
          desc, rounds, aliveBefore - aliveCount, usersBefore - usersAfter, itemsBefore - itemsAfter));
    }

    // 5. Vocabularies and sequences.
    boolean[] itemUsed = new boolean[data.numItems()];
    int[] userLength = new int[numUsers];
    for (int p = 0; p < order.length; p++) {
      if (alive[p]) {
        itemUsed[items[order[p]]] = true;
        userLength[users[order[p]]]++;
      }
    }
    String[] itemIds = new String[data.numItems()];
    for (int v = 0; v < itemIds.length; v++) {
      itemIds[v] = data.itemId(v);
    }
    int[] itemOrder = IdOrder.sort(itemIds, itemUsed);
    int[] internal = new int[data.numItems()];
    List<String> vocab = new ArrayList<>(itemOrder.length);
    for (int k = 0; k < itemOrder.length; k++) {
      internal[itemOrder[k]] = k + 1;
      vocab.add(itemIds[itemOrder[k]]);
    }
    String[] userIds = new String[numUsers];
    boolean[] userUsed = new boolean[numUsers];
    for (int u = 0; u < numUsers; u++) {
      userIds[u] = data.userId(u);
      userUsed[u] = userLength[u] > 0;
    }
    int[] userOrder = IdOrder.sort(userIds, userUsed);
    List<UserSequence> sequences = new ArrayList<>(userOrder.length);
    boolean timed = data.hasTimestamps();
    for (int u : userOrder) {
      int len = userLength[u];
      int[] seq = new int[len];
      long[] ts = timed ? new long[len] : new long[0];
      int k = 0;
      for (int p = start[u]; p < start[u + 1]; p++) {
        if (alive[p]) {
          int i = order[p];
          seq[k] = internal[items[i]];
          if (timed) {
            ts[k] = times[i];
          }
          k++;
        }
      }
      sequences.add(new UserSequence(userIds[u], seq, ts));
    }
    SequenceDataset dataset = new SequenceDataset(ItemVocabulary.of(vocab), sequences);
    steps.put("vocabulary", (IdOrder.allIntegers(vocab) ? "numeric" : "lexicographic")
        + " id order, " + vocab.size() + " items, " + sequences.size() + " users");
    IdOrder.mixedWarning(vocab, "item").ifPresent(w -> {
      LOG.warn(w);
      steps.put(WARNING, w);
    });
    return new Preprocessed(dataset, before, DataStats.of(dataset), steps);
  }

  private static int countPositive(int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += c > 0 ? 1 : 0;
    }
    return n;
  }

  private static boolean sortedByTime(int[] order, int a, int b, long[] times) {
    for (int p = a + 1; p < b; p++) {
      if (times[order[p]] < times[order[p - 1]]) {
        return false;
      }
    }
    return true;
  }

  /** Stable merge sort of order[a..b) by times[order[p]]. */
  private static void mergeSort(int[] order, int a, int b, long[] times, int[] buffer) {
    if (b - a <= 24) {
      for (int p = a + 1; p < b; p++) {
        int x = order[p];
        long t = times[x];
        int q = p - 1;
        while (q >= a && times[order[q]] > t) {
          order[q + 1] = order[q];
          q--;
        }
        order[q + 1] = x;
      }
      return;
    }
    int mid = (a + b) >>> 1;
    mergeSort(order, a, mid, times, buffer);
    mergeSort(order, mid, b, times, buffer);
    if (times[order[mid - 1]] <= times[order[mid]]) {
      return;
    }
    System.arraycopy(order, a, buffer, 0, mid - a);
    int i = 0;
    int iEnd = mid - a;
    int j = mid;
    int k = a;
    while (i < iEnd && j < b) {
      // "<=" keeps the left (earlier in file) element first on ties: the sort is stable.
      if (times[buffer[i]] <= times[order[j]]) {
        order[k++] = buffer[i++];
      } else {
        order[k++] = order[j++];
      }
    }
    while (i < iEnd) {
      order[k++] = buffer[i++];
    }
  }
}
