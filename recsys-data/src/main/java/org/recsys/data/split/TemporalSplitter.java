package org.recsys.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.EvalCase;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * A global temporal split, free of leakage from the future. A test cutoff {@code T} (a timestamp, or the
 * {@code quantile} of all interaction times) divides the data: the test case of a user is their history
 * before {@code T} and their next item(s) at or after {@code T}. Validation comes from the training period
 * only: a second cutoff {@code V < T}, at the {@code 1 - validationFraction} quantile of the times before
 * {@code T}, gives validation cases (history before {@code V}, next item(s) in {@code [V, T)}).
 *
 * <p>Training holds only interactions before {@code V}, so early stopping never sees its own targets; test
 * histories do include {@code [V, T)}, as the leave-one-out test history includes the validation item. With
 * {@code validationFraction = 0} there is no validation and training holds everything before {@code T}.
 * Users with nothing before {@code T} have no history and get no test case ({@link DataSplit#usersDropped()});
 * users with nothing after {@code T} only train ({@link DataSplit#usersTrainOnly()}).
 */
public final class TemporalSplitter implements Splitter {
  private final Long cutoff;
  private final double quantile;
  private final double validationFraction;
  private final TargetMode targets;

  /**
   * A splitter.
   *
   * @param cutoff the test cutoff timestamp, or null to use {@code quantile}
   * @param quantile in (0, 1): the share of interactions (by time) before the test cutoff when {@code cutoff}
   *     is null
   * @param validationFraction in [0, 1): the share of the training period's interactions (the latest ones)
   *     that give validation targets
   * @param targets what a case's targets are
   */
  public TemporalSplitter(Long cutoff, double quantile, double validationFraction, TargetMode targets) {
    if (cutoff == null && !(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
    }
    this.cutoff = cutoff;
    this.quantile = quantile;
    this.validationFraction = validationFraction;
    this.targets = Objects.requireNonNull(targets, "targets");
  }

  @Override
  public DataSplit split(SequenceDataset data) {
    long total = data.numInteractions();
    long[] all = new long[Math.toIntExact(total)];
    int k = 0;
    for (UserSequence u : data.users()) {
      if (u.length() > 0 && !u.hasTimestamps()) {
        throw new IllegalArgumentException("a temporal split needs timestamps, but user " + u.user()
            + " has none (the data carries no times: use leave-one-out)");
      }
      for (int i = 0; i < u.length(); i++) {
        all[k++] = u.timestamp(i);
      }
    }
    if (total == 0) {
      throw new IllegalArgumentException("temporal split: the data holds no interactions");
    }
    Arrays.sort(all);
    long testCut = cutoff != null ? cutoff : all[(int) Math.min(total - 1, (long) Math.floor(quantile * total))];
    int before = lowerBound(all, testCut);
    if (before == 0) {
      throw new IllegalArgumentException("temporal split: no interaction before the test cutoff " + testCut
          + " (times range " + all[0] + ".." + all[all.length - 1] + ")");
    }
    if (before == all.length) {
      throw new IllegalArgumentException("temporal split: no interaction at or after the test cutoff " + testCut
          + " (times range " + all[0] + ".." + all[all.length - 1] + ")");
    }
    long validCut = testCut;
    if (validationFraction > 0) {
      validCut = all[(int) Math.floor((1 - validationFraction) * before)];
      if (lowerBound(all, validCut) == 0) {
        throw new IllegalArgumentException("temporal split: validation fraction " + validationFraction
            + " leaves no training interaction before the validation cutoff " + validCut);
      }
    }
    all = null;

    List<UserSequence> train = new ArrayList<>();
    List<EvalCase> validation = new ArrayList<>();
    List<EvalCase> test = new ArrayList<>();
    boolean[] inTrain = new boolean[data.numItems() + 1];
    int trainOnly = 0;
    int dropped = 0;
    for (UserSequence u : data.users()) {
      int[] items = u.items();
      long[] times = u.timestamps();
      int v = lowerBound(times, validCut);
      int t = lowerBound(times, testCut);
      if (v > 0) {
        train.add(new UserSequence(u.user(), Arrays.copyOf(items, v), Arrays.copyOf(times, v)));
        for (int i = 0; i < v; i++) {
          inTrain[items[i]] = true;
        }
        if (t > v) {
          validation.add(new EvalCase(u.user(), Arrays.copyOf(items, v), targets(items, v, t), null));
        }
      }
      if (t == 0) {
        dropped++;
      } else if (t < items.length) {
        test.add(new EvalCase(u.user(), Arrays.copyOf(items, t), targets(items, t, items.length), null));
      } else {
        trainOnly++;
      }
    }
    if (test.isEmpty()) {
      throw new IllegalArgumentException("temporal split: no user has interactions both before and after the test"
          + " cutoff " + testCut);
    }
    int unseenTargets = 0;
    for (EvalCase c : test) {
      for (int item : c.targets()) {
        unseenTargets += inTrain[item] ? 0 : 1;
      }
    }
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("split", "temporal");
    protocol.put("testCutoff", Long.toString(testCut) + (cutoff == null ? " (quantile " + quantile + ")" : ""));
    protocol.put("validationCutoff", validationFraction > 0 ? validCut + " (last " + validationFraction
        + " of the training period)" : "none");
    protocol.put("targets", targets.configName());
    protocol.put("usersWithoutHistory", Integer.toString(dropped));
    protocol.put("testTargetsNotInTraining", Integer.toString(unseenTargets));
    return new DataSplit(new SequenceDataset(data.items(), train), validation, test, protocol, trainOnly, dropped,
        List.of());
  }

  private int[] targets(int[] items, int from, int to) {
    if (targets == TargetMode.NEXT) {
      return new int[] {items[from]};
    }
    int[] out = new int[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      boolean repeat = false;
      for (int j = 0; j < n && !repeat; j++) {
        repeat = out[j] == items[i];
      }
      if (!repeat) {
        out[n++] = items[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The first index whose value is >= key (values sorted). */
  private static int lowerBound(long[] values, long key) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
