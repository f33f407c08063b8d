package org.recsys.eval;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.api.Registry;

/**
 * The metrics that configs can name, found with {@code ServiceLoader}: the built-in ones and any listed in a
 * jar's {@code META-INF/services/org.recsys.eval.Metric}.
 */
public final class MetricRegistry {
  private final Registry<Metric> metrics;

  private MetricRegistry(Registry<Metric> metrics) {
    this.metrics = metrics;
    for (String name : metrics.names()) {
      if (name.contains("@")) {
        // Report keys are NAME@k: a name with '@' would read as a cutoff.
        throw new IllegalStateException("metric name '" + name + "' contains '@'");
      }
    }
  }

  /** The metrics registered on the thread's context class loader. */
  public static MetricRegistry installed() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /** The metrics registered on {@code loader}'s class path. */
  public static MetricRegistry load(ClassLoader loader) {
    return new MetricRegistry(Registry.load(Metric.class, loader, "metric", Metric::name));
  }

  /** Exactly these metrics, in this order. */
  public static MetricRegistry of(Iterable<? extends Metric> metrics) {
    return new MetricRegistry(Registry.of("metric", metrics, Metric::name));
  }

  /** The registered names, in registration order. */
  public List<String> names() {
    return metrics.names();
  }

  /** The registered metrics, in registration order. */
  public List<Metric> all() {
    return metrics.all();
  }

  /**
   * The metric named {@code name}, ignoring case ({@code ndcg}, {@code NDCG}, {@code hr}...).
   *
   * @param key the config key {@code name} came from, named in the error
   * @throws ConfigException naming the key and the registered names when none is registered as {@code name}
   */
  public Metric parse(String key, String name) {
    return metrics.find(name).orElseThrow(() -> new ConfigException(key, "unknown metric '" + name
        + "'; valid (any case): " + String.join(", ", names())));
  }

  /**
   * The suite of the named metrics at cutoffs {@code ks}.
   *
   * @throws ConfigException naming {@link MetricSuite#METRICS_KEY} or {@link MetricSuite#KS_KEY}
   */
  public MetricSuite suite(List<String> names, List<Integer> ks) {
    List<Metric> parsed = new ArrayList<>(names.size());
    for (String name : names) {
      parsed.add(parse(MetricSuite.METRICS_KEY, name));
    }
    return new MetricSuite(parsed, ks);
  }
}
