package org.recsys.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.recsys.api.ConfigException;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.recsys.eval.stats.Bootstrap;

/**
 * Which metrics to compute at which cutoffs, and the computation itself from per-case target ranks.
 * Report keys come metric by metric in the given order, each at the cutoffs in the given order, e.g.
 * {@code Accuracy, HR@1, HR@10, NDCG@1, NDCG@10}.
 *
 * @param metrics the metrics, without repeats
 * @param ks the cutoffs, each {@code >= 1}, without repeats
 */
public record MetricSuite(List<Metric> metrics, List<Integer> ks) {
  /** The config key named in errors about {@link #metrics}. */
  public static final String METRICS_KEY = "evaluation.metrics";
  /** The config key named in errors about {@link #ks}. */
  public static final String KS_KEY = "evaluation.ks";

  public MetricSuite {
    metrics = List.copyOf(metrics);
    ks = List.copyOf(ks);
    if (metrics.isEmpty()) {
      throw new ConfigException(METRICS_KEY, "at least one metric is needed");
    }
    if (new HashSet<>(metrics).size() != metrics.size()) {
      throw new ConfigException(METRICS_KEY, "metrics repeat: " + metrics);
    }
    if (ks.isEmpty() && metrics.stream().anyMatch(Metric::hasCutoff)) {
      throw new ConfigException(KS_KEY, "at least one cutoff k is needed for " + metrics);
    }
    Set<Integer> seen = new HashSet<>();
    for (int k : ks) {
      if (k < 1) {
        throw new ConfigException(KS_KEY, "cutoffs must be >= 1, got " + k);
      }
      if (!seen.add(k)) {
        throw new ConfigException(KS_KEY, "cutoff " + k + " is given twice in " + ks);
      }
    }
  }

  /** The eight accuracy metrics ({@link Metric#rankingMetrics()}) at the given cutoffs. */
  public static MetricSuite rankingMetrics(int... ks) {
    return new MetricSuite(Metric.rankingMetrics(), boxed(ks));
  }

  /** Every metric, coverage and popularity included, at the given cutoffs. */
  public static MetricSuite allMetrics(int... ks) {
    return new MetricSuite(List.of(Metric.values()), boxed(ks));
  }

  /** The same metrics at other cutoffs. */
  public MetricSuite withKs(int... newKs) {
    return new MetricSuite(metrics, boxed(newKs));
  }

  /** Every report key, in report order. */
  public List<String> keys() {
    List<String> out = new ArrayList<>();
    for (Metric m : metrics) {
      if (!m.hasCutoff()) {
        out.add(m.key(0));
      } else {
        for (int k : ks) {
          out.add(m.key(k));
        }
      }
    }
    return out;
  }

  /** The largest cutoff (1 when there is none). */
  public int maxK() {
    int max = 1;
    for (int k : ks) {
      max = Math.max(max, k);
    }
    return max;
  }

  /** True when some metric looks at the recommended items themselves (coverage, popularity). */
  public boolean needsTopItems() {
    return metrics.stream().anyMatch(Metric::needsTopItems);
  }

  /**
   * Per-case values of every per-case metric, in report order.
   *
   * @param ranks per case, the targets' 1-based ranks ascending (targets not ranked at all left out)
   * @param targets per case, the number of targets
   * @param topItems per case, the recommended items best first (at least {@link #maxK()} when that many were
   *     eligible); only read for {@link Metric#POPULARITY}, may be {@code null} otherwise
   * @param popularity item popularity; only read for {@link Metric#POPULARITY}
   */
  public Map<String, double[]> perCaseValues(int[][] ranks, int[] targets, int[][] topItems,
      ItemPopularity popularity) {
    int n = ranks.length;
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Metric m : metrics) {
      if (!m.perCase()) {
        continue;
      }
      for (int k : m.hasCutoff() ? ks : List.of(1)) {
        double[] v = new double[n];
        for (int c = 0; c < n; c++) {
          v[c] = m == Metric.POPULARITY ? meanPopularity(topItems[c], k, popularity)
              : RankingMetrics.value(m, ranks[c], targets[c], k);
        }
        out.put(m.key(k), v);
      }
    }
    return out;
  }

  /**
   * Catalog coverage at each cutoff: the share of items {@code 1..numItems} found in at least one case's top
   * k. Empty unless {@link Metric#COVERAGE} is in the suite.
   */
  public Map<String, Double> coverage(int[][] topItems, int numItems) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!metrics.contains(Metric.COVERAGE)) {
      return out;
    }
    for (int k : ks) {
      boolean[] seen = new boolean[numItems + 1];
      int distinct = 0;
      for (int[] top : topItems) {
        for (int i = 0; i < Math.min(k, top.length); i++) {
          if (!seen[top[i]]) {
            seen[top[i]] = true;
            distinct++;
          }
        }
      }
      out.put(Metric.COVERAGE.key(k), (double) distinct / numItems);
    }
    return out;
  }

  /**
   * Assembles a report: each per-case metric's mean with its bootstrap interval, coverage as a zero-width
   * interval, in report order.
   */
  public EvaluationReport report(Map<String, String> protocol, Map<String, double[]> perCase,
      Map<String, Double> coverage, Bootstrap bootstrap, int cases) {
    Map<String, MetricSummary> summaries = bootstrap.summarizeAll(perCase);
    Map<String, MetricSummary> ordered = new LinkedHashMap<>();
    for (String key : keys()) {
      MetricSummary s = summaries.get(key);
      if (s == null && coverage.containsKey(key)) {
        double c = coverage.get(key);
        s = new MetricSummary(c, c, c);
      }
      if (s == null) {
        throw new IllegalStateException("no value computed for " + key);
      }
      ordered.put(key, s);
    }
    return new EvaluationReport(protocol, ordered, perCase, cases);
  }

  private static double meanPopularity(int[] top, int k, ItemPopularity popularity) {
    int len = Math.min(k, top.length);
    if (len == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < len; i++) {
      sum += popularity.get(top[i]);
    }
    return sum / len;
  }

  private static List<Integer> boxed(int[] ks) {
    List<Integer> out = new ArrayList<>(ks.length);
    for (int k : ks) {
      out.add(k);
    }
    return out;
  }
}
