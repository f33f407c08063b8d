package org.recsys.eval;

import java.util.List;
import java.util.Map;
import org.recsys.api.ConfigException;
import org.recsys.api.Evaluator;

/**
 * The {@code evaluation} section of a run config, ready for Jackson binding (every field optional). Errors
 * name the key under {@code evaluation.}.
 *
 * @param protocol {@code full} (default) or {@code sampled}
 * @param ks cutoffs, default {@code [1, 5, 10, 20]}
 * @param metrics metric names (any case), default the eight accuracy metrics; any registered metric
 *     ({@link MetricRegistry}) may be named
 * @param excludeSeen full protocol only: leave the history out of the ranking, default true (null under the
 *     sampled protocol)
 * @param batchSize cases per scoring call, default {@value EvalSettings#DEFAULT_BATCH_SIZE}
 * @param threads batches scored at once, default the number of available processors
 * @param bootstrapResamples resamples per interval, default {@value EvalSettings#DEFAULT_RESAMPLES}; 0 for none
 */
public record EvaluationConfig(String protocol, List<Integer> ks, List<String> metrics, Boolean excludeSeen,
    Integer batchSize, Integer threads, Integer bootstrapResamples) {
  /** The protocols this config can name. */
  public static final List<String> PROTOCOLS = List.of("full", "sampled");

  public EvaluationConfig {
    protocol = protocol == null ? "full" : protocol;
    if (!PROTOCOLS.contains(protocol)) {
      throw new ConfigException("evaluation.protocol", "unknown protocol '" + protocol + "'; valid: " + PROTOCOLS);
    }
    ks = ks == null ? List.of(1, 5, 10, 20) : List.copyOf(ks);
    if (metrics == null) {
      metrics = Metric.rankingMetrics().stream().map(Metric::name).toList();
    } else {
      metrics = List.copyOf(metrics);
    }
    if (excludeSeen != null && protocol.equals("sampled")) {
      throw new ConfigException("evaluation.excludeSeen", "excludeSeen applies to the full protocol only; the"
          + " sampled protocol ranks the given candidates");
    }
    // Null under the sampled protocol, so that a config written back from this record binds again.
    excludeSeen = protocol.equals("sampled") ? null : excludeSeen == null || excludeSeen;
    batchSize = batchSize == null ? EvalSettings.DEFAULT_BATCH_SIZE : batchSize;
    threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    bootstrapResamples = bootstrapResamples == null ? EvalSettings.DEFAULT_RESAMPLES : bootstrapResamples;
    // Validates metric names, cutoffs and numbers now, naming the key.
    new EvalSettings(suite(metrics, ks), batchSize, threads, bootstrapResamples, 0, Map.of(), null);
  }

  /** All defaults: full ranking, history excluded, the eight accuracy metrics at 1, 5, 10, 20. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(null, null, null, null, null, null, null);
  }

  /**
   * The settings this config describes.
   *
   * @param seed the bootstrap seed (the run's seed)
   * @param protocolExtras entries stamped on every report, e.g. {@code split=leave-one-out}
   * @param popularity item popularity, needed only when {@code metrics} names Popularity (else may be null)
   */
  public EvalSettings settings(long seed, Map<String, String> protocolExtras, ItemPopularity popularity) {
    return new EvalSettings(suite(metrics, ks), batchSize, threads, bootstrapResamples, seed, protocolExtras,
        popularity);
  }

  /** The evaluator this config describes. */
  public Evaluator evaluator(long seed, Map<String, String> protocolExtras, ItemPopularity popularity) {
    EvalSettings settings = settings(seed, protocolExtras, popularity);
    return protocol.equals("full") ? new FullRankingEvaluator(settings, excludeSeen)
        : new SampledRankingEvaluator(settings);
  }

  private static MetricSuite suite(List<String> names, List<Integer> ks) {
    return MetricRegistry.installed().suite(names, ks);
  }
}
