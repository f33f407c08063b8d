package org.recsys.eval;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ConfigException;

/**
 * The metrics this module computes. Each metric except {@link #ACCURACY} is reported once per cutoff
 * {@code k} under the key {@code NAME@k}, e.g. {@code NDCG@10}; see {@link RankingMetrics} for the formulas.
 */
public enum Metric {
  /** 1 when the top-ranked item is a target, else 0; key {@code Accuracy}. Equals {@code HR@1}. */
  ACCURACY("Accuracy", false),
  /** Hit rate: 1 when at least one target is in the top k. */
  HR("HR", true),
  /** Targets in the top k, divided by k. */
  PRECISION("Precision", true),
  /** Targets in the top k, divided by the number of targets. */
  RECALL("Recall", true),
  /** Harmonic mean of precision and recall at k. */
  F1("F1", true),
  /** Normalised discounted cumulative gain with binary gains. */
  NDCG("NDCG", true),
  /** Reciprocal rank of the best-ranked target, 0 beyond k. */
  MRR("MRR", true),
  /** Average precision at k, normalised by {@code min(|targets|, k)}. */
  MAP("MAP", true),
  /**
   * Catalog coverage: the share of all items that appear in at least one case's top k. A catalog-level number,
   * not a mean over cases: it has no per-case values and its interval is the value itself.
   */
  COVERAGE("Coverage", true),
  /** Mean popularity (as given by {@link ItemPopularity}) of a case's top-k items, averaged over cases. */
  POPULARITY("Popularity", true);

  private final String label;
  private final boolean hasCutoff;

  Metric(String label, boolean hasCutoff) {
    this.label = label;
    this.hasCutoff = hasCutoff;
  }

  /** The name used in report keys, e.g. {@code NDCG}. */
  public String label() {
    return label;
  }

  /** True when the metric is reported per cutoff ({@code NAME@k}). */
  public boolean hasCutoff() {
    return hasCutoff;
  }

  /** The report key at cutoff {@code k}: {@code NAME@k}, or just {@code Accuracy}. */
  public String key(int k) {
    return hasCutoff ? label + "@" + k : label;
  }

  /** True when the metric has one value per case (every metric except {@link #COVERAGE}). */
  public boolean perCase() {
    return this != COVERAGE;
  }

  /** True when the metric looks at which items were recommended, not only at where the targets landed. */
  boolean needsTopItems() {
    return this == COVERAGE || this == POPULARITY;
  }

  /** The eight accuracy metrics, in report order: Accuracy, HR, Precision, Recall, F1, NDCG, MRR, MAP. */
  public static List<Metric> rankingMetrics() {
    return List.of(ACCURACY, HR, PRECISION, RECALL, F1, NDCG, MRR, MAP);
  }

  /**
   * The metric named {@code name}, ignoring case ({@code ndcg}, {@code NDCG}, {@code hr}, {@code accuracy}...).
   *
   * @param configKey the config key {@code name} came from, named in the error
   * @throws ConfigException naming the key and the valid names when {@code name} is unknown
   */
  public static Metric parse(String name, String configKey) {
    for (Metric m : values()) {
      if (m.label.equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    List<String> valid = new ArrayList<>();
    for (Metric m : values()) {
      valid.add(m.label);
    }
    throw new ConfigException(configKey, "unknown metric '" + name + "'; valid (any case): " + String.join(", ", valid));
  }
}
