package org.recsys.eval;

import java.util.List;
import org.recsys.eval.metric.Accuracy;
import org.recsys.eval.metric.AveragePrecision;
import org.recsys.eval.metric.Coverage;
import org.recsys.eval.metric.F1;
import org.recsys.eval.metric.HitRate;
import org.recsys.eval.metric.Ndcg;
import org.recsys.eval.metric.Popularity;
import org.recsys.eval.metric.Precision;
import org.recsys.eval.metric.Recall;
import org.recsys.eval.metric.ReciprocalRank;

/**
 * A metric named in configs and report keys. A metric with a cutoff is reported once per cutoff {@code k}
 * under {@code NAME@k}, e.g. {@code NDCG@10}; one without (Accuracy) under its bare name.
 *
 * <p>A metric is either a {@link CaseMetric} (one value per case, reported as the mean with a bootstrap
 * interval) or a {@link CatalogMetric} (one value for the whole evaluation). Metrics are plug-ins: list an
 * implementation in {@code META-INF/services/org.recsys.eval.Metric} and {@link MetricRegistry} finds it by
 * name, as it finds the built-in ones below. Formulas of the built-in metrics are in {@link RankingMetrics}.
 */
public sealed interface Metric permits CaseMetric, CatalogMetric {
  /** 1 when the top-ranked item is a target, else 0; key {@code Accuracy}. Equals {@code HR@1}. */
  Metric ACCURACY = new Accuracy();
  /** Hit rate: 1 when at least one target is in the top k. */
  Metric HR = new HitRate();
  /** Targets in the top k, divided by k. */
  Metric PRECISION = new Precision();
  /** Targets in the top k, divided by the number of targets. */
  Metric RECALL = new Recall();
  /** Harmonic mean of precision and recall at k. */
  Metric F1 = new F1();
  /** Normalised discounted cumulative gain with binary gains. */
  Metric NDCG = new Ndcg();
  /** Reciprocal rank of the best-ranked target, 0 beyond k. */
  Metric MRR = new ReciprocalRank();
  /** Average precision at k, normalised by {@code min(|targets|, k)}. */
  Metric MAP = new AveragePrecision();
  /** Catalog coverage: the share of all items found in at least one case's top k (a {@link CatalogMetric}). */
  Metric COVERAGE = new Coverage();
  /** Mean popularity (as given by {@link ItemPopularity}) of a case's top-k items, averaged over cases. */
  Metric POPULARITY = new Popularity();

  // No default methods here: an interface with default methods is initialised with every class that implements
  // it, and the constants above are instances of such classes, so two threads could deadlock on first use. The
  // defaults live in CaseMetric and CatalogMetric.

  /**
   * The name used in configs (matched ignoring case) and report keys, e.g. {@code NDCG}. Unique among the
   * registered metrics; it cannot contain {@code @}.
   */
  String name();

  /** True when the metric is reported per cutoff ({@code NAME@k}), else under its bare name. */
  boolean hasCutoff();

  /** True when the metric reads which items were recommended ({@link RankedCase#topItems()}). */
  boolean needsTopItems();

  /** True when the metric reads item popularity ({@link RankedCase#popularity()}), which must then be given. */
  boolean needsPopularity();

  /** The eight accuracy metrics, in report order: Accuracy, HR, Precision, Recall, F1, NDCG, MRR, MAP. */
  static List<Metric> rankingMetrics() {
    return List.of(ACCURACY, HR, PRECISION, RECALL, F1, NDCG, MRR, MAP);
  }
}
