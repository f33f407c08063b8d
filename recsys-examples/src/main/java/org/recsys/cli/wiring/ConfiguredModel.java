package org.recsys.cli.wiring;

import org.recsys.api.ModelFactory;
import org.recsys.api.Trainer;

/**
 * A model kind chosen by name in a config, with its bound parameters.
 *
 * @param type the registered name that trains it (a preset's expansion: {@code sequential} for {@code sasrec})
 * @param factory the factory registered under it
 * @param parameters the bound parameter record, of {@code factory.parametersType()}
 * @param name what runs and reports call the model ({@code sasrec})
 */
public record ConfiguredModel(String type, ModelFactory<?> factory, Object parameters, String name) {
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
