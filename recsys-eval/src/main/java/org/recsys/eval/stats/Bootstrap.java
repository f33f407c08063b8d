package org.recsys.eval.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.recsys.api.MetricSummary;

/**
 * Seeded percentile-bootstrap 95% confidence intervals of means over cases.
 *
 * <p>Each resample draws {@code n} cases with replacement; the interval runs from the 2.5th to the 97.5th
 * percentile (linearly interpolated) of the resampled means. When several metrics are summarised together
 * they share the same resamples, as is right for metrics of the same cases. Resample {@code b} uses its own
 * generator split off the seed in order, so the result depends on the seed only, not on the thread count.
 * The interval is widened to hold the mean when rounding would leave it a hair outside.
 */
public final class Bootstrap {
  /** The confidence level of every interval. */
  public static final double LEVEL = 0.95;

  private final int resamples;
  private final long seed;
  private final int threads;

  /**
   * @param resamples the number of resamples ({@code 0} gives the mean as a zero-width interval: no CI)
   * @param seed the seed of the resampling
   * @param threads how many threads may resample at once
   */
  public Bootstrap(int resamples, long seed, int threads) {
    if (resamples < 0) {
      throw new IllegalArgumentException("resamples must be >= 0, got " + resamples);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.resamples = resamples;
    this.seed = seed;
    this.threads = threads;
  }

  /** A single-threaded bootstrap. */
  public Bootstrap(int resamples, long seed) {
    this(resamples, seed, 1);
  }

  public int resamples() {
    return resamples;
  }

  public long seed() {
    return seed;
  }

  /** How the intervals were obtained, for a report's protocol. */
  public String describe() {
    return resamples == 0 ? "none"
        : String.format(Locale.ROOT, "percentile bootstrap %d%%, %d resamples, seed %d", Math.round(LEVEL * 100),
            resamples, seed);
  }

  /** The mean of {@code values} with its interval. */
  public MetricSummary summarize(double[] values) {
    return summarizeAll(Map.of("values", values)).get("values");
  }

  /**
   * The mean and interval of each array, all of the same length {@code n >= 1}, in the map's order.
   *
   * @throws IllegalArgumentException when an array is empty, lengths differ or a value is not finite
   */
  public Map<String, MetricSummary> summarizeAll(Map<String, double[]> values) {
    int keys = values.size();
    String[] names = values.keySet().toArray(new String[0]);
    double[][] columns = values.values().toArray(new double[0][]);
    int n = keys == 0 ? 0 : columns[0].length;
    double[] means = new double[keys];
    // Sparse columns: most per-case metric values are 0 (a miss), and a zero adds nothing to a resampled sum.
    int[][] nonZeroIndex = new int[keys][];
    double[][] nonZeroValue = new double[keys][];
    for (int m = 0; m < keys; m++) {
      double[] col = columns[m];
      if (col.length == 0 || col.length != n) {
        throw new IllegalArgumentException("'" + names[m] + "' has " + col.length + " values, expected " + n
            + (n == 0 ? " (at least one case is needed)" : ""));
      }
      int nz = 0;
      double sum = 0;
      for (double v : col) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("'" + names[m] + "' holds a non-finite value " + v);
        }
        sum += v;
        nz += v != 0 ? 1 : 0;
      }
      means[m] = sum / n;
      nonZeroIndex[m] = new int[nz];
      nonZeroValue[m] = new double[nz];
      for (int i = 0, j = 0; i < n; i++) {
        if (col[i] != 0) {
          nonZeroIndex[m][j] = i;
          nonZeroValue[m][j++] = col[i];
        }
      }
    }
    double[][] resampled = new double[keys][resamples];
    if (resamples > 0 && keys > 0) {
      SplittableRandom root = new SplittableRandom(seed);
      SplittableRandom[] generators = new SplittableRandom[resamples];
      for (int b = 0; b < resamples; b++) {
        generators[b] = root.split();
      }
      int chunk = 16;
      int tasks = (resamples + chunk - 1) / chunk;
      ParallelTasks.run(tasks, threads, t -> {
        int[] weight = new int[n];
        for (int b = t * chunk; b < Math.min(resamples, (t + 1) * chunk); b++) {
          Arrays.fill(weight, 0);
          SplittableRandom rng = generators[b];
          for (int i = 0; i < n; i++) {
            weight[rng.nextInt(n)]++;
          }
          for (int m = 0; m < keys; m++) {
            int[] idx = nonZeroIndex[m];
            double[] val = nonZeroValue[m];
            double s = 0;
            for (int j = 0; j < idx.length; j++) {
              s += weight[idx[j]] * val[j];
            }
            resampled[m][b] = s / n;
          }
        }
      });
    }
    Map<String, MetricSummary> out = new LinkedHashMap<>();
    for (int m = 0; m < keys; m++) {
      double mean = means[m];
      if (resamples == 0) {
        out.put(names[m], new MetricSummary(mean, mean, mean));
        continue;
      }
      double[] r = resampled[m];
      Arrays.sort(r);
      double alpha = (1 - LEVEL) / 2;
      double low = Math.min(quantile(r, alpha), mean);
      double high = Math.max(quantile(r, 1 - alpha), mean);
      out.put(names[m], new MetricSummary(mean, low, high));
    }
    return out;
  }

  /** The {@code p}-quantile of sorted values, linearly interpolated between order statistics. */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
