package org.recsys.eval;

/**
 * Per-case ranking metrics computed from where a case's targets landed.
 *
 * <p>Every method takes {@code ranks}: the 1-based positions of the targets that appear in the ranking, in
 * ascending order (targets that do not appear at all are simply left out), and {@code targets}, the number of
 * targets of the case ({@code >= ranks.length}, {@code >= 1}). With {@code h} the number of ranks {@code <= k}
 * and {@code m} the number of targets:
 * <ul>
 *   <li>Accuracy = 1 when rank 1 holds a target (= {@code HR@1} = {@code Precision@1});
 *   <li>HR@k = 1 when {@code h > 0};
 *   <li>Precision@k = {@code h / k}, also when fewer than k items were ranked (as trec_eval does);
 *   <li>Recall@k = {@code h / m};
 *   <li>F1@k = {@code 2PR / (P + R)} = {@code 2h / (k + m)}, 0 when {@code h = 0};
 *   <li>NDCG@k = {@code sum over hits of 1/log2(rank + 1)}, divided by the ideal
 *       {@code sum_{i=1..min(m,k)} 1/log2(i + 1)};
 *   <li>MRR@k = {@code 1 / (first rank)} when it is {@code <= k}, else 0;
 *   <li>MAP@k = {@code sum over hits j = 1..h of (j / rank_j)}, divided by {@code min(m, k)}.
 * </ul>
 * With one target ({@code m = 1}) Recall@k = HR@k and Precision@k = HR@k / k.
 */
public final class RankingMetrics {
  private static final double LN2 = Math.log(2);
  /** {@code IDEAL_DCG[n]} is the DCG of n hits at ranks 1..n; cached because every case needs one. */
  private static final double[] IDEAL_DCG = cumulativeDiscounts(256);

  private RankingMetrics() {}

  /** 1 when the top-ranked item is a target, else 0. */
  public static double accuracy(int[] ranks, int targets) {
    check(ranks, targets, 1);
    return ranks.length > 0 && ranks[0] == 1 ? 1 : 0;
  }

  /** The number of targets ranked within the top {@code k}. */
  public static int hits(int[] ranks, int targets, int k) {
    check(ranks, targets, k);
    return countWithin(ranks, k);
  }

  /** 1 when at least one target is in the top {@code k}, else 0. */
  public static double hitRate(int[] ranks, int targets, int k) {
    return hits(ranks, targets, k) > 0 ? 1 : 0;
  }

  /** Targets in the top {@code k}, divided by {@code k}. */
  public static double precision(int[] ranks, int targets, int k) {
    return (double) hits(ranks, targets, k) / k;
  }

  /** Targets in the top {@code k}, divided by the number of targets. */
  public static double recall(int[] ranks, int targets, int k) {
    return (double) hits(ranks, targets, k) / targets;
  }

  /** The harmonic mean of precision and recall at {@code k}: {@code 2h / (k + m)}. */
  public static double f1(int[] ranks, int targets, int k) {
    return 2.0 * hits(ranks, targets, k) / ((double) k + targets);
  }

  /** Normalised DCG at {@code k} with binary gains. */
  public static double ndcg(int[] ranks, int targets, int k) {
    check(ranks, targets, k);
    double dcg = 0;
    for (int r : ranks) {
      if (r > k) {
        break;
      }
      dcg += discount(r);
    }
    return dcg == 0 ? 0 : dcg / idealDcg(Math.min(targets, k));
  }

  /** The reciprocal rank of the best-ranked target, or 0 when it is below {@code k}. */
  public static double reciprocalRank(int[] ranks, int targets, int k) {
    check(ranks, targets, k);
    return ranks.length > 0 && ranks[0] <= k ? 1.0 / ranks[0] : 0;
  }

  /** Average precision at {@code k}, normalised by {@code min(m, k)}. */
  public static double averagePrecision(int[] ranks, int targets, int k) {
    check(ranks, targets, k);
    double sum = 0;
    for (int j = 0; j < ranks.length && ranks[j] <= k; j++) {
      sum += (j + 1.0) / ranks[j];
    }
    return sum / Math.min(targets, k);
  }

  /**
   * The value of a metric that reads only where the targets landed (every built-in metric except
   * {@link Metric#COVERAGE} and {@link Metric#POPULARITY}).
   *
   * @throws IllegalArgumentException when {@code metric} needs more than the ranks
   */
  public static double value(Metric metric, int[] ranks, int targets, int k) {
    if (metric instanceof CaseMetric m && !m.needsTopItems() && !m.needsPopularity()) {
      return m.value(new RankedCase(ranks, targets, null, null), k);
    }
    throw new IllegalArgumentException(metric.name() + " is not computed from target ranks");
  }

  /** {@code 1 / log2(rank + 1)}. */
  static double discount(int rank) {
    return LN2 / Math.log(rank + 1.0);
  }

  static double idealDcg(int n) {
    if (n < IDEAL_DCG.length) {
      return IDEAL_DCG[n];
    }
    double sum = IDEAL_DCG[IDEAL_DCG.length - 1];
    for (int i = IDEAL_DCG.length; i <= n; i++) {
      sum += discount(i);
    }
    return sum;
  }

  private static double[] cumulativeDiscounts(int n) {
    double[] out = new double[n + 1];
    for (int i = 1; i <= n; i++) {
      out[i] = out[i - 1] + discount(i);
    }
    return out;
  }

  private static int countWithin(int[] ranks, int k) {
    int h = 0;
    while (h < ranks.length && ranks[h] <= k) {
      h++;
    }
    return h;
  }

  private static void check(int[] ranks, int targets, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cutoff k must be >= 1, got " + k);
    }
    if (targets < 1 || ranks.length > targets) {
      throw new IllegalArgumentException(ranks.length + " ranks for " + targets + " targets");
    }
    for (int i = 0; i < ranks.length; i++) {
      if (ranks[i] < 1 || (i > 0 && ranks[i] <= ranks[i - 1])) {
        throw new IllegalArgumentException("ranks must be 1-based and strictly ascending, got rank " + ranks[i]
            + " at position " + i);
      }
    }
  }
}
