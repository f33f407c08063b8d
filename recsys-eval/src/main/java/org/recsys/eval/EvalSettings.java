package org.recsys.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.ConfigException;
import org.recsys.eval.stats.Bootstrap;

/**
 * How an evaluator computes and reports: the metrics and cutoffs, how cases are batched and spread over
 * threads, the bootstrap, extra protocol entries stamped on every report, and item popularity (needed only by
 * metrics that {@link Metric#needsPopularity() read it}, such as {@link Metric#POPULARITY}). Change one setting at a time with the {@code with...} methods.
 *
 * @param suite metrics and cutoffs
 * @param batchSize cases scored per {@code Recommender} call ({@code >= 1}); a full-ranking batch holds
 *     {@code batchSize x (numItems + 1)} floats per thread, so lower it for very large catalogs
 * @param threads batches scored at once ({@code >= 1})
 * @param bootstrapResamples resamples per interval; 0 reports the mean as a zero-width interval
 * @param seed seed of the bootstrap
 * @param protocolExtras entries appended to the protocol of every report, e.g. {@code split=leave-one-out};
 *     they cannot replace the entries an evaluator writes itself ({@link #RESERVED_PROTOCOL_KEYS})
 * @param popularity item popularity, or {@code null} when no metric needs it
 */
public record EvalSettings(MetricSuite suite, int batchSize, int threads, int bootstrapResamples, long seed,
    Map<String, String> protocolExtras, ItemPopularity popularity) {
  /** Protocol keys written by the evaluators themselves. */
  public static final List<String> RESERVED_PROTOCOL_KEYS =
      List.of("protocol", "excludeSeen", "items", "candidates", "ties", "ci");
  /** Cases per batch unless set otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 128;
  /** Bootstrap resamples unless set otherwise. */
  public static final int DEFAULT_RESAMPLES = 1000;
  /** Bootstrap seed unless set otherwise. */
  public static final long DEFAULT_SEED = 42;

  public EvalSettings {
    Objects.requireNonNull(suite, "suite");
    if (batchSize < 1) {
      throw new ConfigException("evaluation.batchSize", "batchSize must be >= 1, got " + batchSize);
    }
    if (threads < 1) {
      throw new ConfigException("evaluation.threads", "threads must be >= 1, got " + threads);
    }
    if (bootstrapResamples < 0) {
      throw new ConfigException("evaluation.bootstrapResamples",
          "bootstrapResamples must be >= 0 (0 = no interval), got " + bootstrapResamples);
    }
    protocolExtras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(protocolExtras));
    for (Map.Entry<String, String> e : protocolExtras.entrySet()) {
      if (RESERVED_PROTOCOL_KEYS.contains(e.getKey())) {
        throw new ConfigException("evaluation.protocol." + e.getKey(), "protocol entry '" + e.getKey()
            + "' is written by the evaluator itself; reserved: " + RESERVED_PROTOCOL_KEYS);
      }
      Objects.requireNonNull(e.getValue(), "protocol entry " + e.getKey());
    }
  }

  /** Fails when a metric {@link Metric#needsPopularity() needs popularity} but none was given. */
  void requirePopularityIfNeeded() {
    for (Metric m : suite.metrics()) {
      if (m.needsPopularity() && popularity == null) {
        throw new ConfigException(MetricSuite.METRICS_KEY, "metric " + m.name()
            + " needs item popularity (EvalSettings.withPopularity, e.g. ItemPopularity.fromDataset)");
      }
    }
  }

  /**
   * Defaults: the eight accuracy metrics at k = 1, 5, 10, 20; batches of {@value #DEFAULT_BATCH_SIZE}; one thread
   * per available processor; {@value #DEFAULT_RESAMPLES} bootstrap resamples with seed {@value #DEFAULT_SEED}.
   */
  public static EvalSettings defaults() {
    return of(MetricSuite.rankingMetrics(1, 5, 10, 20));
  }

  /** Defaults with the given metrics and cutoffs. */
  public static EvalSettings of(MetricSuite suite) {
    return new EvalSettings(suite, DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors(),
        DEFAULT_RESAMPLES, DEFAULT_SEED, Map.of(), null);
  }

  public EvalSettings withSuite(MetricSuite newSuite) {
    return new EvalSettings(newSuite, batchSize, threads, bootstrapResamples, seed, protocolExtras, popularity);
  }

  /** The same metrics at other cutoffs. */
  public EvalSettings withKs(int... ks) {
    return withSuite(suite.withKs(ks));
  }

  /** Other metrics at the same cutoffs. */
  public EvalSettings withMetrics(Metric... metrics) {
    return withSuite(new MetricSuite(List.of(metrics), suite.ks()));
  }

  public EvalSettings withBatchSize(int newBatchSize) {
    return new EvalSettings(suite, newBatchSize, threads, bootstrapResamples, seed, protocolExtras, popularity);
  }

  public EvalSettings withThreads(int newThreads) {
    return new EvalSettings(suite, batchSize, newThreads, bootstrapResamples, seed, protocolExtras, popularity);
  }

  /** Another number of resamples and seed for the intervals. */
  public EvalSettings withBootstrap(int resamples, long newSeed) {
    return new EvalSettings(suite, batchSize, threads, resamples, newSeed, protocolExtras, popularity);
  }

  /** One more protocol entry stamped on every report, e.g. {@code withProtocol("split", "leave-one-out")}. */
  public EvalSettings withProtocol(String key, String value) {
    Map<String, String> extras = new LinkedHashMap<>(protocolExtras);
    extras.put(key, value);
    return new EvalSettings(suite, batchSize, threads, bootstrapResamples, seed, extras, popularity);
  }

  public EvalSettings withPopularity(ItemPopularity newPopularity) {
    return new EvalSettings(suite, batchSize, threads, bootstrapResamples, seed, protocolExtras, newPopularity);
  }

  /** The bootstrap these settings describe. */
  public Bootstrap bootstrap() {
    return new Bootstrap(bootstrapResamples, seed, threads);
  }
}
