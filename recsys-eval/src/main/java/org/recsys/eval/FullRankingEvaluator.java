package org.recsys.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Evaluator;
import org.recsys.api.Recommender;
import org.recsys.api.TopK;

/**
 * Ranks every item for every case (protocol {@code full}). A case's candidate set, if it has one, is ignored.
 *
 * <p>With {@code excludeSeen} (the default) the items of the case's history do not compete with its targets
 * and are never recommended, except that a target is always ranked even when the user had seen it before.
 * Targets are ranked pessimistically among ties ({@link PessimisticRank}); the top items used by coverage and
 * popularity are those of {@link TopK} (ties towards the smaller id).
 *
 * <p>Cases are scored in batches through {@link Recommender#scoreAll}, several batches at once; each score row
 * is read in one pass, without sorting.
 *
 * <p>Report protocol: {@code protocol=full, excludeSeen=..., items=n, ties=pessimistic, ci=...} followed by
 * the settings' extras.
 */
public final class FullRankingEvaluator implements Evaluator {
  private final EvalSettings settings;
  private final boolean excludeSeen;

  /**
   * @param settings metrics, cutoffs, batching, threads, bootstrap and protocol extras
   * @param excludeSeen whether the history's items are left out of the ranking
   */
  public FullRankingEvaluator(EvalSettings settings, boolean excludeSeen) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.excludeSeen = excludeSeen;
    settings.requirePopularityIfNeeded();
  }

  /** A full-ranking evaluator that excludes each user's history. */
  public FullRankingEvaluator(EvalSettings settings) {
    this(settings, true);
  }

  public EvalSettings settings() {
    return settings;
  }

  public boolean excludeSeen() {
    return excludeSeen;
  }

  /**
   * @throws IllegalArgumentException when {@code cases} is empty, a target or history item is outside
   *     {@code 1..numItems()}, or a target's score is NaN (naming the user)
   */
  @Override
  public EvaluationReport evaluate(Recommender recommender, List<EvalCase> cases) {
    int n = recommender.numItems();
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("protocol", "full");
    protocol.put("excludeSeen", Boolean.toString(excludeSeen));
    protocol.put("items", Integer.toString(n));
    return RankingRun.run(recommender, cases, settings, protocol, this::rankBatch);
  }

  private void rankBatch(Recommender recommender, List<EvalCase> batch, int offset, CaseRanks out) {
    int n = recommender.numItems();
    List<int[]> histories = new ArrayList<>(batch.size());
    int[][] targetsOf = new int[batch.size()][];
    for (int i = 0; i < batch.size(); i++) {
      EvalCase c = batch.get(i);
      histories.add(c.history());
      targetsOf[i] = c.targets();
      requireItems(targetsOf[i], n, c, "target");
      requireItems(histories.get(i), n, c, "history");
    }
    float[][] rows = recommender.scoreAll(histories);
    int[] lengths = new int[batch.size()];
    Arrays.fill(lengths, n + 1);
    RankingRun.checkRows(rows, batch, lengths, recommender, "scoreAll");
    // mark[item] == stamp: the item is a target or an excluded history item of the current case.
    int[] mark = new int[n + 1];
    boolean[] excludedFlags = out.topItems != null && excludeSeen ? new boolean[n + 1] : null;
    int kMax = settings.suite().maxK();
    int[] excluded = new int[16];
    for (int i = 0; i < batch.size(); i++) {
      EvalCase c = batch.get(i);
      int stamp = i + 1;
      int[] targets = targetsOf[i];
      for (int t : targets) {
        mark[t] = stamp;
      }
      int excludedCount = 0;
      if (excludeSeen) {
        for (int h : histories.get(i)) {
          if (mark[h] != stamp) { // not a target, not seen earlier in this history
            mark[h] = stamp;
            if (excludedCount == excluded.length) {
              excluded = Arrays.copyOf(excluded, 2 * excluded.length);
            }
            excluded[excludedCount++] = h;
          }
        }
      }
      int[] competitorsLeftOut = Arrays.copyOf(excluded, excludedCount);
      float[] row = rows[i];
      for (int t : targets) {
        if (Float.isNaN(row[t])) {
          throw new IllegalArgumentException("user " + c.user() + ": the recommender scored target item " + t
              + " NaN");
        }
      }
      out.ranks[offset + i] = PessimisticRank.ranks(row, 1, targets, competitorsLeftOut);
      out.targets[offset + i] = targets.length;
      if (out.topItems != null) {
        if (excludedFlags != null) {
          for (int e : competitorsLeftOut) {
            excludedFlags[e] = true;
          }
        }
        out.topItems[offset + i] = TopK.select(row, kMax, excludedFlags);
        if (excludedFlags != null) {
          for (int e : competitorsLeftOut) {
            excludedFlags[e] = false;
          }
        }
      }
    }
  }

  /** Ids are already known to be >= 1 ({@link EvalCase} checks); here they must also fit the recommender. */
  static void requireItems(int[] items, int n, EvalCase c, String what) {
    for (int item : items) {
      if (item > n) {
        throw new IllegalArgumentException("user " + c.user() + ": " + what + " item id " + item
            + " is out of range (the recommender scores items 1.." + n + ")");
      }
    }
  }
}
