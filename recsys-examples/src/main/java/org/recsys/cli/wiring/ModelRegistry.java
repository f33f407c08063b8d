package org.recsys.cli.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.recsys.api.ConfigException;
import org.recsys.api.ModelExpansion;
import org.recsys.api.ModelFactory;
import org.recsys.cli.config.ConfigBinder;
import org.recsys.cli.config.ResolvedConfig;

/** The model factories registered by name, and the binding of a config section to one of them. */
public final class ModelRegistry {
  private final Map<String, ModelFactory<?>> factories;
  private final ConfigBinder binder = new ConfigBinder();

  @Inject
  public ModelRegistry(Map<String, ModelFactory<?>> factories) {
    this.factories = new TreeMap<>(factories);
  }

  /** The registered names, sorted. */
  public Set<String> names() {
    return factories.keySet();
  }

  /**
   * The factory registered under {@code type}.
   *
   * @throws ConfigException naming the valid types when none is registered under it
   */
  public ModelFactory<?> factory(String type) {
    ModelFactory<?> f = factories.get(type);
    if (f == null) {
      throw new ConfigException("model.type", "unknown model type '" + type + "'; valid types: " + names());
    }
    return f;
  }

  /**
   * Reads the {@code type} of the config section at {@code section} and binds the rest of it to that
   * factory's parameter record.
   */
  public ConfiguredModel configure(ResolvedConfig config, String section) {
    JsonNode node = config.at(section);
    JsonNode typeNode = node.path("type");
    String key = config.nameOf(section + ".type");
    if (!typeNode.isTextual() || typeNode.asText().isBlank()) {
      throw new ConfigException(key, "missing '" + key + "' in " + config.originOf(section) + "; valid types: " + names());
    }
    String type = typeNode.asText();
    ModelFactory<?> f = factories.get(type);
    if (f == null) {
      throw new ConfigException(key, "unknown " + section + " type '" + type + "' in " + config.originOf(section
          + ".type") + (key.equals(section + ".type") ? "" : " (" + key + ")") + "; valid types: " + names());
    }
    return configured(type, f, config, section);
  }

  private <P> ConfiguredModel configured(String type, ModelFactory<P> f, ResolvedConfig config, String section) {
    P params = binder.bind(config, section, f.parametersType());
    java.util.Optional<ModelExpansion> expansion;
    try {
      expansion = f.expand(Objects.requireNonNull(params));
    } catch (ConfigException e) {
      throw new ConfigException(e.key(), e.getMessage() + " (in " + config.originOf(e.key()) + ")", e);
    }
    if (expansion.isEmpty()) {
      return new ConfiguredModel(type, f, params, type);
    }
    ModelExpansion x = expansion.get();
    return new ConfiguredModel(x.type(), factory(x.type()), x.parameters(), x.name());
  }
}
