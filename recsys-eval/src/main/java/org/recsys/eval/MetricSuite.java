package org.recsys.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    Set<String> names = new HashSet<>();
    for (Metric m : metrics) {
      // By name, as configs name them: two instances of one metric class are still a repeat.
      if (!names.add(m.name().toLowerCase(Locale.ROOT))) {
        throw new ConfigException(METRICS_KEY, "metrics repeat: " + metrics.stream().map(Metric::name).toList());
      }
    }
    if (ks.isEmpty() && metrics.stream().anyMatch(Metric::hasCutoff)) {
      throw new ConfigException(KS_KEY, "at least one cutoff k is needed for "
          + metrics.stream().map(Metric::name).toList());
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

  /** The ten built-in metrics, coverage and popularity included, at the given cutoffs. */
  public static MetricSuite allMetrics(int... ks) {
    List<Metric> all = new ArrayList<>(Metric.rankingMetrics());
    all.add(Metric.COVERAGE);
    all.add(Metric.POPULARITY);
    return new MetricSuite(all, boxed(ks));
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
        out.add(key(m, 0));
      } else {
        for (int k : ks) {
          out.add(key(m, k));
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
   * Per-case values of every {@link CaseMetric}, in report order.
   *
   * @param ranks per case, the targets' 1-based ranks ascending (targets not ranked at all left out)
   * @param targets per case, the number of targets
   * @param topItems per case, the recommended items best first (at least {@link #maxK()} when that many were
   *     eligible); only read by metrics that {@link Metric#needsTopItems() need them}, may be {@code null} otherwise
   * @param popularity item popularity; only read by metrics that {@link Metric#needsPopularity() need it}
   */
  public Map<String, double[]> perCaseValues(int[][] ranks, int[] targets, int[][] topItems,
      ItemPopularity popularity) {
    return perCaseValues(RankedCase.all(ranks, targets, topItems, popularity));
  }

  /** Per-case values of every {@link CaseMetric}, in report order. */
  public Map<String, double[]> perCaseValues(List<RankedCase> cases) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Metric m : metrics) {
      if (m instanceof CaseMetric metric) {
        for (int k : cutoffs(m)) {
          double[] v = new double[cases.size()];
          for (int c = 0; c < v.length; c++) {
            v[c] = metric.value(cases.get(c), k);
          }
          out.put(key(m, k), v);
        }
      }
    }
    return out;
  }

  /**
   * The value of every {@link CatalogMetric} (such as coverage) at each cutoff, in report order; empty when the
   * suite has none.
   *
   * @param numItems the number of items the recommender scores
   */
  public Map<String, Double> catalogValues(List<RankedCase> cases, int numItems) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : metrics) {
      if (m instanceof CatalogMetric metric) {
        for (int k : cutoffs(m)) {
          out.put(key(m, k), metric.value(cases, numItems, k));
        }
      }
    }
    return out;
  }

  /**
   * Assembles a report: each per-case metric's mean with its bootstrap interval, each catalog metric as a
   * zero-width interval, in report order.
   */
  public EvaluationReport report(Map<String, String> protocol, Map<String, double[]> perCase,
      Map<String, Double> catalog, Bootstrap bootstrap, int cases) {
    Map<String, MetricSummary> summaries = bootstrap.summarizeAll(perCase);
    Map<String, MetricSummary> ordered = new LinkedHashMap<>();
    for (String key : keys()) {
      MetricSummary s = summaries.get(key);
      if (s == null && catalog.containsKey(key)) {
        double c = catalog.get(key);
        s = new MetricSummary(c, c, c);
      }
      if (s == null) {
        throw new IllegalStateException("no value computed for " + key);
      }
      ordered.put(key, s);
    }
    return new EvaluationReport(protocol, ordered, perCase, cases);
  }

  /** The report key of {@code m} at cutoff {@code k}: {@code NAME@k}, or the bare name without a cutoff. */
  private static String key(Metric m, int k) {
    return m.hasCutoff() ? m.name() + "@" + k : m.name();
  }

  private List<Integer> cutoffs(Metric m) {
    return m.hasCutoff() ? ks : List.of(1);
  }

  private static List<Integer> boxed(int[] ks) {
    List<Integer> out = new ArrayList<>(ks.length);
    for (int k : ks) {
      out.add(k);
    }
    return out;
  }
}
