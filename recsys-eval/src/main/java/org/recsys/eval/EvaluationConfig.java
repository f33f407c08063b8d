package org.recsys.eval;

import java.util.List;
import java.util.Map;
import org.recsys.api.ConfigException;
import org.recsys.api.Evaluator;

/**
 * The {@code evaluation} section of a run config, ready for Jackson binding (every field optional). Errors
 * name the key under {@code evaluation.}. Protocol and metric names are checked against the plug-ins
 * registered on the class path ({@link ProtocolRegistry#installed()}, {@link MetricRegistry#installed()}).
 *
 * @param protocol a registered protocol: {@code full} (default), {@code sampled} or a plug-in's
 * @param ks cutoffs, default {@code [1, 5, 10, 20]}
 * @param metrics registered metric names (any case), default the eight accuracy metrics
 * @param excludeSeen for protocols that take it ({@link EvaluationProtocol#canExcludeSeen()}, such as full):
 *     leave the history out of the ranking, default true; null under the others
 * @param batchSize cases per scoring call, default {@value EvalSettings#DEFAULT_BATCH_SIZE}
 * @param threads batches scored at once, default the number of available processors
 * @param bootstrapResamples resamples per interval, default {@value EvalSettings#DEFAULT_RESAMPLES}; 0 for none
 */
public record EvaluationConfig(String protocol, List<Integer> ks, List<String> metrics, Boolean excludeSeen,
    Integer batchSize, Integer threads, Integer bootstrapResamples) {
  /** The config key of {@link #protocol}. */
  public static final String PROTOCOL_KEY = "evaluation.protocol";

  public EvaluationConfig {
    EvaluationProtocol p = ProtocolRegistry.installed().get(PROTOCOL_KEY, protocol == null ? "full" : protocol);
    protocol = p.name();
    ks = ks == null ? List.of(1, 5, 10, 20) : List.copyOf(ks);
    if (metrics == null) {
      metrics = Metric.rankingMetrics().stream().map(Metric::name).toList();
    } else {
      metrics = List.copyOf(metrics);
    }
    if (excludeSeen != null && !p.canExcludeSeen()) {
      // A run's config carries excludeSeen; re-evaluating it under another protocol must say how to drop the key.
      throw new ConfigException("evaluation.excludeSeen", "excludeSeen does not apply to the " + protocol
          + " protocol; it leaves the history out of protocols that rank the whole catalog, such as full. Leave the"
          + " key out; to switch a config that has it, replace the whole section, e.g. evaluation={protocol: "
          + protocol + "}");
    }
    // Null where it does not apply, so that a config written back from this record binds again.
    excludeSeen = p.canExcludeSeen() ? excludeSeen == null || excludeSeen : null;
    batchSize = batchSize == null ? EvalSettings.DEFAULT_BATCH_SIZE : batchSize;
    threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    bootstrapResamples = bootstrapResamples == null ? EvalSettings.DEFAULT_RESAMPLES : bootstrapResamples;
    // Validates metric names, cutoffs and numbers now, naming the key.
    new EvalSettings(MetricRegistry.installed().suite(metrics, ks), batchSize, threads, bootstrapResamples, 0,
        Map.of(), null);
  }

  /** All defaults: full ranking, history excluded, the eight accuracy metrics at 1, 5, 10, 20. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(null, null, null, null, null, null, null);
  }

  /** The named metrics at the configured cutoffs, resolved in {@code registry}. */
  public MetricSuite suite(MetricRegistry registry) {
    return registry.suite(metrics, ks);
  }

  /**
   * The settings this config describes, with the metrics of the class path.
   *
   * @param seed the bootstrap seed (the run's seed)
   * @param protocolExtras entries stamped on every report, e.g. {@code split=leave-one-out}
   * @param popularity item popularity, needed only when a metric reads it, such as Popularity (else may be null)
   */
  public EvalSettings settings(long seed, Map<String, String> protocolExtras, ItemPopularity popularity) {
    return settings(suite(MetricRegistry.installed()), seed, protocolExtras, popularity);
  }

  /** Like {@link #settings(long, Map, ItemPopularity)}, with metrics the caller resolved ({@link #suite}). */
  public EvalSettings settings(MetricSuite suite, long seed, Map<String, String> protocolExtras,
      ItemPopularity popularity) {
    return new EvalSettings(suite, batchSize, threads, bootstrapResamples, seed, protocolExtras, popularity);
  }

  /** The evaluator this config describes, with the protocol and metrics of the class path. */
  public Evaluator evaluator(long seed, Map<String, String> protocolExtras, ItemPopularity popularity) {
    return evaluator(ProtocolRegistry.installed().get(PROTOCOL_KEY, protocol),
        settings(seed, protocolExtras, popularity));
  }

  /**
   * The evaluator of {@code p}, the protocol this config names as the caller resolved it, with {@code settings}
   * and this config's {@link #excludeSeen}.
   *
   * @throws IllegalArgumentException when {@code p} is registered under another name
   */
  public Evaluator evaluator(EvaluationProtocol p, EvalSettings settings) {
    if (!p.name().equalsIgnoreCase(protocol)) {
      throw new IllegalArgumentException("this config names protocol " + protocol + ", not " + p.name());
    }
    return p.evaluator(settings, Boolean.TRUE.equals(excludeSeen));
  }
}
