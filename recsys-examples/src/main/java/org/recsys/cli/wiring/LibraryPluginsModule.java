package org.recsys.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.FormatRegistry;
import org.recsys.eval.EvaluationProtocol;
import org.recsys.eval.Metric;
import org.recsys.eval.MetricRegistry;
import org.recsys.eval.ProtocolRegistry;

/**
 * Bridges the plug-ins of the Guice-free library modules (evaluation protocols, metrics, data formats), which those
 * modules find with {@code ServiceLoader}, into one Guice {@link MapBinder} per kind keyed by name, and provides
 * each kind's registry built from its map: the command line resolves these names through the injector, as it
 * resolves models.
 */
final class LibraryPluginsModule extends AbstractModule {
  private final ClassLoader loader;

  LibraryPluginsModule(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  protected void configure() {
    bridge(EvaluationProtocol.class, ProtocolRegistry.load(loader).all(), EvaluationProtocol::name);
    bridge(Metric.class, MetricRegistry.load(loader).all(), Metric::name);
    bridge(DataFormat.class, FormatRegistry.load(loader).all(), DataFormat::name);
  }

  private <T> void bridge(Class<T> kind, List<T> plugins, Function<T, String> nameOf) {
    MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, kind);
    plugins.forEach(p -> map.addBinding(nameOf.apply(p)).toInstance(p));
  }

  // The maps iterate in binding order, so the registries list names as the library's own do.

  @Provides
  @Singleton
  ProtocolRegistry protocols(Map<String, EvaluationProtocol> byName) {
    return ProtocolRegistry.of(byName.values());
  }

  @Provides
  @Singleton
  MetricRegistry metrics(Map<String, Metric> byName) {
    return MetricRegistry.of(byName.values());
  }

  @Provides
  @Singleton
  FormatRegistry formats(Map<String, DataFormat> byName) {
    return FormatRegistry.of(byName.values());
  }
}
