package org.recsys.eval.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Recommender;
import org.recsys.eval.EvalSettings;
import org.recsys.eval.FullRankingEvaluator;
import org.recsys.eval.ItemPopularity;
import org.recsys.eval.MetricSuite;

/**
 * Timed run of full-ranking evaluation at ML-1M size: 6040 users x 3416 items, random scores, histories of
 * 20 + Exp(mean 145) items (about 165 on average, as in ML-1M), seen items excluded, every metric at k = 1, 5,
 * 10, 20. Not a unit test: run it by hand (see /work/notes/bench-eval.md).
 *
 * <p>Arguments (all optional): {@code threads} (default 2), {@code warmup} (5), {@code runs} (10).
 */
public final class FullRankingBenchmark {
  private static final int USERS = 6040;
  private static final int ITEMS = 3416;

  private FullRankingBenchmark() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    SplittableRandom rng = new SplittableRandom(2024);
    List<EvalCase> cases = new ArrayList<>(USERS);
    Map<HistoryKey, float[]> rows = new HashMap<>();
    int[] perm = new int[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      perm[i] = i + 1;
    }
    long historyItems = 0;
    double[] popularity = new double[ITEMS + 1];
    for (int u = 0; u < USERS; u++) {
      int len = Math.min(ITEMS - 1, 20 + (int) (-145 * Math.log(1 - rng.nextDouble())));
      // Partial Fisher-Yates: the first len + 1 entries are distinct random items (history, then the target).
      for (int i = 0; i <= len; i++) {
        int j = i + rng.nextInt(ITEMS - i);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      int[] history = Arrays.copyOf(perm, len);
      for (int h : history) {
        popularity[h]++;
      }
      historyItems += len;
      float[] row = new float[ITEMS + 1];
      row[0] = Float.NEGATIVE_INFINITY;
      for (int i = 1; i <= ITEMS; i++) {
        row[i] = (float) rng.nextGaussian();
      }
      rows.put(new HistoryKey(history), row);
      cases.add(EvalCase.fullRanking("u" + u, history, perm[len]));
    }
    System.out.printf(Locale.ROOT, "%d users x %d items, mean history %.1f, %d available processors%n", USERS,
        ITEMS, (double) historyItems / USERS, Runtime.getRuntime().availableProcessors());

    EvalSettings all = EvalSettings.of(MetricSuite.allMetrics(1, 5, 10, 20))
        .withPopularity(ItemPopularity.of(popularity)).withThreads(threads);
    measure("all metrics + 1000-resample CIs, rows shared", all, new MatrixModel(rows, false), cases, warmup, runs);
    measure("all metrics + 1000-resample CIs, rows copied", all, new MatrixModel(rows, true), cases, warmup, runs);
    measure("all metrics, no CIs, rows shared", all.withBootstrap(0, 1), new MatrixModel(rows, false), cases, warmup,
        runs);
    measure("8 accuracy metrics + CIs, rows shared", all.withSuite(MetricSuite.rankingMetrics(1, 5, 10, 20)),
        new MatrixModel(rows, false), cases, warmup, runs);
    // A model that knows something: the target's score is raised by 2.7 standard deviations, so HR@10 is
    // around 0.5 and most per-case values are non-zero (the bootstrap's dense case).
    Map<HistoryKey, float[]> informed = new HashMap<>();
    for (EvalCase c : cases) {
      float[] row = rows.get(new HistoryKey(c.history())).clone();
      row[c.targets()[0]] += 2.7f;
      informed.put(new HistoryKey(c.history()), row);
    }
    measure("informed model: all metrics + CIs, rows shared", all, new MatrixModel(informed, false), cases, warmup,
        runs);
  }

  private static void measure(String name, EvalSettings settings, Recommender model, List<EvalCase> cases,
      int warmup, int runs) {
    FullRankingEvaluator evaluator = new FullRankingEvaluator(settings);
    EvaluationReport report = null;
    for (int i = 0; i < warmup; i++) {
      report = evaluator.evaluate(model, cases);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      report = evaluator.evaluate(model, cases);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%-50s threads=%d  median %7.1f ms  min %7.1f  max %7.1f  (%d keys; NDCG@10 %.5f,"
        + " HR@20 %.5f)%n", name, settings.threads(), ms[runs / 2], ms[0], ms[runs - 1], report.metrics().size(),
        report.mean("NDCG@10"), report.mean("HR@20"));
  }

  /** Looks each user's precomputed score row up by history, as a trained model would compute it. */
  private static final class MatrixModel implements Recommender {
    private final Map<HistoryKey, float[]> rows;
    private final boolean copy;

    MatrixModel(Map<HistoryKey, float[]> rows, boolean copy) {
      this.rows = rows;
      this.copy = copy;
    }

    @Override
    public int numItems() {
      return ITEMS;
    }

    @Override
    public float[][] scoreAll(List<int[]> histories) {
      float[][] out = new float[histories.size()][];
      for (int i = 0; i < out.length; i++) {
        float[] row = rows.get(new HistoryKey(histories.get(i)));
        out[i] = copy ? row.clone() : row;
      }
      return out;
    }

    @Override
    public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
      throw new UnsupportedOperationException("full ranking only");
    }
  }

  private record HistoryKey(int[] items) {
    @Override
    public boolean equals(Object o) {
      return o instanceof HistoryKey k && Arrays.equals(items, k.items);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(items);
    }
  }
}
