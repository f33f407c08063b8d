package org.recsys.cli.wiring;

import org.recsys.api.ModelFactory;
import org.recsys.api.Trainer;

/**
 * A model kind chosen by name in a config, with its bound parameters.
 *
 * @param type the registered name
 * @param factory the factory registered under it
 * @param parameters the bound parameter record, of {@code factory.parametersType()}
 */
public record ConfiguredModel(String type, ModelFactory<?> factory, Object parameters) {
  public ConfiguredModel {
    if (!factory.parametersType().isInstance(parameters)) {
      throw new IllegalArgumentException("parameters of type " + parameters.getClass().getName() + " do not fit "
          + factory.parametersType().getName());
    }
  }

  /** A trainer for these parameters. */
  public Trainer trainer() {
    return trainerOf(factory);
  }

  private <P> Trainer trainerOf(ModelFactory<P> f) {
    return f.trainer(f.parametersType().cast(parameters));
  }
}
