package org.recsys.data.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.preprocess.Interactions;

/**
 * Size and shape of a data set. Percentiles of the per-user sequence length use the nearest-rank method
 * (the smallest length such that at least p% of users have a length at most it).
 *
 * @param users users with at least one interaction
 * @param items distinct items with at least one interaction
 * @param interactions number of interactions
 * @param density interactions / (users x items)
 * @param meanLength mean sequence length
 * @param minLength shortest sequence
 * @param p25 25th percentile of sequence length
 * @param p50 median sequence length
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param maxLength longest sequence
 * @param firstTimestamp earliest timestamp, or null without timestamps
 * @param lastTimestamp latest timestamp, or null without timestamps
 */
public record DataStats(long users, long items, long interactions, double density, double meanLength,
    int minLength, int p25, int p50, int p75, int p90, int p99, int maxLength, Long firstTimestamp,
    Long lastTimestamp) {

  /** Statistics of raw interactions (before preprocessing). */
  public static DataStats of(Interactions data) {
    int[] perUser = new int[data.numUsers()];
    boolean[] itemSeen = new boolean[data.numItems()];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < data.size(); i++) {
      perUser[data.user(i)]++;
      itemSeen[data.item(i)] = true;
      first = Math.min(first, data.timestamp(i));
      last = Math.max(last, data.timestamp(i));
    }
    int items = 0;
    for (boolean b : itemSeen) {
      items += b ? 1 : 0;
    }
    boolean times = data.hasTimestamps() && data.size() > 0;
    return from(perUser, items, times ? first : null, times ? last : null);
  }

  /** Statistics of a sequence data set; items count those that occur, not the vocabulary size. */
  public static DataStats of(SequenceDataset data) {
    int[] perUser = new int[data.users().size()];
    boolean[] itemSeen = new boolean[data.numItems() + 1];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    boolean times = false;
    for (int u = 0; u < perUser.length; u++) {
      UserSequence s = data.users().get(u);
      perUser[u] = s.length();
      for (int i = 0; i < s.length(); i++) {
        itemSeen[s.item(i)] = true;
      }
      if (s.hasTimestamps()) {
        times = true;
        first = Math.min(first, s.timestamp(0));
        last = Math.max(last, s.timestamp(s.length() - 1));
      }
    }
    int items = 0;
    for (boolean b : itemSeen) {
      items += b ? 1 : 0;
    }
    return from(perUser, items, times ? first : null, times ? last : null);
  }

  private static DataStats from(int[] perUser, int items, Long first, Long last) {
    int[] lengths = Arrays.stream(perUser).filter(n -> n > 0).sorted().toArray();
    long total = 0;
    for (int n : lengths) {
      total += n;
    }
    int users = lengths.length;
    double density = users == 0 || items == 0 ? 0 : (double) total / ((double) users * items);
    return new DataStats(users, items, total, density, users == 0 ? 0 : (double) total / users,
        users == 0 ? 0 : lengths[0], rank(lengths, 25), rank(lengths, 50), rank(lengths, 75), rank(lengths, 90),
        rank(lengths, 99), users == 0 ? 0 : lengths[users - 1], first, last);
  }

  private static int rank(int[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int r = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, r - 1)];
  }

  /** The statistics as ordered key-value pairs (for JSON reports). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("users", users);
    m.put("items", items);
    m.put("interactions", interactions);
    m.put("density", density);
    m.put("meanLength", meanLength);
    m.put("minLength", minLength);
    m.put("p25", p25);
    m.put("p50", p50);
    m.put("p75", p75);
    m.put("p90", p90);
    m.put("p99", p99);
    m.put("maxLength", maxLength);
    if (firstTimestamp != null) {
      m.put("firstTimestamp", firstTimestamp);
      m.put("lastTimestamp", lastTimestamp);
    }
    return m;
  }

  /**
   * A plain-text table with one column per data set, e.g. {@code table("before", before, "after", after)}.
   *
   * @param columns alternating column titles (String) and statistics (DataStats)
   */
  public static String table(Object... columns) {
    if (columns.length == 0 || columns.length % 2 != 0) {
      throw new IllegalArgumentException("expected pairs of title and DataStats");
    }
    int n = columns.length / 2;
    String[] titles = new String[n];
    DataStats[] stats = new DataStats[n];
    for (int i = 0; i < n; i++) {
      titles[i] = (String) columns[2 * i];
      stats[i] = (DataStats) columns[2 * i + 1];
    }
    String[] rows = {"users", "items", "interactions", "density", "mean length", "min length", "p25 length",
        "median length", "p75 length", "p90 length", "p99 length", "max length", "first timestamp", "last timestamp"};
    String[][] cells = new String[rows.length][n];
    for (int c = 0; c < n; c++) {
      DataStats s = stats[c];
      cells[0][c] = String.format(Locale.ROOT, "%,d", s.users);
      cells[1][c] = String.format(Locale.ROOT, "%,d", s.items);
      cells[2][c] = String.format(Locale.ROOT, "%,d", s.interactions);
      cells[3][c] = String.format(Locale.ROOT, "%.5f", s.density);
      cells[4][c] = String.format(Locale.ROOT, "%.1f", s.meanLength);
      int[] ints = {s.minLength, s.p25, s.p50, s.p75, s.p90, s.p99, s.maxLength};
      for (int k = 0; k < ints.length; k++) {
        cells[5 + k][c] = Integer.toString(ints[k]);
      }
      cells[12][c] = s.firstTimestamp == null ? "-" : Long.toString(s.firstTimestamp);
      cells[13][c] = s.lastTimestamp == null ? "-" : Long.toString(s.lastTimestamp);
    }
    int w0 = Arrays.stream(rows).mapToInt(String::length).max().orElse(0);
    int[] w = new int[n];
    for (int c = 0; c < n; c++) {
      w[c] = titles[c].length();
      for (String[] row : cells) {
        w[c] = Math.max(w[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(" ".repeat(w0));
    for (int c = 0; c < n; c++) {
      sb.append("  ").append(" ".repeat(w[c] - titles[c].length())).append(titles[c]);
    }
    sb.append('\n');
    for (int r = 0; r < rows.length; r++) {
      sb.append(rows[r]).append(" ".repeat(w0 - rows[r].length()));
      for (int c = 0; c < n; c++) {
        sb.append("  ").append(" ".repeat(w[c] - cells[r][c].length())).append(cells[r][c]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
