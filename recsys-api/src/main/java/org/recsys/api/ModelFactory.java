package org.recsys.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds trainers for one kind of model, and loads saved models of that kind. Registered under a name
 * (the config's {@code type}) by a Guice module discovered with {@link java.util.ServiceLoader}.
 *
 * <p>The runner binds the config section of the model to {@link #parametersType()} with Jackson, failing on
 * unknown keys, so parameter records should give defaults for omitted keys.
 *
 * @param <P> the parameter record
 */
public interface ModelFactory<P> {
  /** The record the model's config section binds to. */
  Class<P> parametersType();

  /**
   * A trainer for these parameters.
   *
   * @throws ConfigException when the parameters are invalid (naming the key)
   */
  Trainer trainer(P parameters);

  /**
   * What {@code parameters} stand for in full, when that is another registered type's parameters (a preset) or
   * these with defaults the record cannot fill itself; empty when the parameters stand for themselves.
   *
   * @throws ConfigException when the parameters are invalid (naming the key)
   */
  default java.util.Optional<ModelExpansion> expand(P parameters) {
    return java.util.Optional.empty();
  }

  /** Loads a model that {@link TrainedModel#save} wrote into {@code dir}. */
  TrainedModel load(Path dir) throws IOException;
}
