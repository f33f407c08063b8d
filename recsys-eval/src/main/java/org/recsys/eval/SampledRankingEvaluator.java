package org.recsys.eval;

import java.util.ArrayList;
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
 * Ranks each case's own candidate set ({@link EvalCase#candidates()}: its targets plus sampled negatives, as
 * attached by the data module), protocol {@code sampled}. Every item in the candidate set competes: the data
 * module decides which negatives to draw, so nothing is excluded here. Targets are ranked pessimistically among
 * ties ({@link PessimisticRank}).
 *
 * <p>Cases are scored in batches through {@link Recommender#scoreCandidates}, several batches at once.
 *
 * <p>Report protocol: {@code protocol=sampled, candidates=<size or min..max>, items=n, ties=pessimistic, ci=...}
 * followed by the settings' extras (for example how the negatives were drawn).
 */
public final class SampledRankingEvaluator implements Evaluator {
  private final EvalSettings settings;

  public SampledRankingEvaluator(EvalSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    settings.requirePopularityIfNeeded();
  }

  public EvalSettings settings() {
    return settings;
  }

  /**
   * @throws IllegalArgumentException when {@code cases} is empty, a case has no candidate set or repeats a
   *     candidate, an item is outside {@code 1..numItems()}, or a target's score is NaN (naming the user)
   */
  @Override
  public EvaluationReport evaluate(Recommender recommender, List<EvalCase> cases) {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (EvalCase c : cases) {
      if (!c.hasCandidates()) {
        throw new IllegalArgumentException("user " + c.user() + " has no candidate set; the sampled protocol ranks"
            + " EvalCase.candidates() (attach them with the data module's sampled candidates)");
      }
      int size = c.candidates().length;
      min = Math.min(min, size);
      max = Math.max(max, size);
    }
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("protocol", "sampled");
    protocol.put("candidates", cases.isEmpty() ? "0" : min == max ? Integer.toString(min) : min + ".." + max);
    protocol.put("items", Integer.toString(recommender.numItems()));
    return RankingRun.run(recommender, cases, settings, protocol, this::rankBatch);
  }

  private void rankBatch(Recommender recommender, List<EvalCase> batch, int offset, CaseRanks out) {
    int n = recommender.numItems();
    List<int[]> histories = new ArrayList<>(batch.size());
    int[][] candidates = new int[batch.size()][];
    int[][] targetsOf = new int[batch.size()][];
    int[] lengths = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      EvalCase c = batch.get(i);
      histories.add(c.history());
      candidates[i] = c.candidates();
      targetsOf[i] = c.targets();
      lengths[i] = candidates[i].length;
      FullRankingEvaluator.requireItems(histories.get(i), n, c, "history");
      FullRankingEvaluator.requireItems(candidates[i], n, c, "candidate");
    }
    float[][] rows = recommender.scoreCandidates(histories, candidates);
    RankingRun.checkRows(rows, batch, lengths, recommender, "scoreCandidates");
    // position[item] is the item's index in the current candidate set when stamp[item] matches the case.
    int[] position = new int[n + 1];
    int[] stamp = new int[n + 1];
    int kMax = settings.suite().maxK();
    for (int i = 0; i < batch.size(); i++) {
      EvalCase c = batch.get(i);
      int[] cand = candidates[i];
      for (int j = 0; j < cand.length; j++) {
        if (stamp[cand[j]] == i + 1) {
          throw new IllegalArgumentException("user " + c.user() + ": candidate item " + cand[j]
              + " appears twice in the candidate set (positions " + position[cand[j]] + " and " + j + ")");
        }
        stamp[cand[j]] = i + 1;
        position[cand[j]] = j;
      }
      int[] targets = targetsOf[i];
      int[] targetIndex = new int[targets.length];
      float[] row = rows[i];
      for (int t = 0; t < targets.length; t++) {
        targetIndex[t] = position[targets[t]]; // EvalCase guarantees targets are candidates
        if (Float.isNaN(row[targetIndex[t]])) {
          throw new IllegalArgumentException("user " + c.user() + ": the recommender scored target item "
              + targets[t] + " NaN");
        }
      }
      out.ranks[offset + i] = PessimisticRank.ranks(row, 0, targetIndex, new int[0]);
      out.targets[offset + i] = targets.length;
      if (out.topItems != null) {
        // TopK reads rows indexed from 1 (column 0 is padding): shift the candidate scores by one.
        float[] shifted = new float[cand.length + 1];
        shifted[0] = Float.NEGATIVE_INFINITY;
        System.arraycopy(row, 0, shifted, 1, cand.length);
        int[] top = TopK.select(shifted, kMax, null);
        for (int j = 0; j < top.length; j++) {
          top[j] = cand[top[j] - 1];
        }
        out.topItems[offset + i] = top;
      }
    }
  }
}
