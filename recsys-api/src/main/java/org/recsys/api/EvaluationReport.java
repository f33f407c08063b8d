package org.recsys.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Metrics of one evaluation, stamped with the protocol that produced them.
 *
 * @param protocol how the numbers were obtained, e.g. {@code protocol=full, excludeSeen=true,
 *     split=leave-one-out}; never empty, so sampled and full-ranking numbers cannot be confused
 * @param metrics metric key (e.g. {@code NDCG@10}) to its mean and confidence interval, in report order
 * @param perCase metric key to its value per case, in case order, for paired comparisons
 * @param cases the number of cases evaluated
 */
public record EvaluationReport(Map<String, String> protocol, Map<String, MetricSummary> metrics,
    Map<String, double[]> perCase, int cases) {
  public EvaluationReport {
    if (protocol.isEmpty()) {
      throw new IllegalArgumentException("an evaluation report must name its protocol");
    }
    protocol = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(protocol));
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Map<String, double[]> copy = new LinkedHashMap<>();
    perCase.forEach((k, v) -> copy.put(k, v.clone()));
    perCase = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The mean of one metric.
   *
   * @throws NoSuchElementException naming the available keys when {@code key} was not computed
   */
  public double mean(String key) {
    MetricSummary s = metrics.get(key);
    if (s == null) {
      throw new NoSuchElementException("metric '" + key + "' was not computed; available: " + metrics.keySet());
    }
    return s.mean();
  }

  /** Per-case values of one metric (a copy). */
  public double[] values(String key) {
    double[] v = perCase.get(key);
    if (v == null) {
      throw new NoSuchElementException("no per-case values for '" + key + "'; available: " + perCase.keySet());
    }
    return v.clone();
  }
}
