package org.recsys.cli.wiring;

import com.google.inject.Inject;
import org.recsys.data.io.FormatRegistry;
import org.recsys.eval.MetricRegistry;
import org.recsys.eval.ProtocolRegistry;

/**
 * Every registry a config's names are resolved in. The command line gets it from the injector
 * ({@link ComponentModules#injector()}), so models and library plug-ins alike come through Guice.
 *
 * @param models model factories ({@code model.type})
 * @param protocols evaluation protocols ({@code evaluation.protocol})
 * @param metrics metrics ({@code evaluation.metrics})
 * @param formats input formats ({@code data.format})
 */
public record Registries(ModelRegistry models, ProtocolRegistry protocols, MetricRegistry metrics,
    FormatRegistry formats) {
  @Inject
  public Registries {}

  /**
   * {@code models} with the library plug-ins that {@code ServiceLoader} finds on the class path, which are the
   * ones the injector bridges too: for callers that hold only a model registry.
   */
  public static Registries withInstalledPlugins(ModelRegistry models) {
    return new Registries(models, ProtocolRegistry.installed(), MetricRegistry.installed(),
        FormatRegistry.installed());
  }
}
