package org.recsys.attention.preset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.recsys.api.ConfigException;
import org.recsys.api.ModelExpansion;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.model.SequentialTrainer;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.spec.SequentialSpec;

/**
 * A named model as shorthand for a composed spec: flat keys {@code P} that expand to a {@link SequentialSpec},
 * which the run records, trains and saves as {@code type: sequential}. A new named model is a subclass with its
 * keys and {@link #spec}, not a new stack of files.
 *
 * @param <P> the preset's flat keys
 */
public abstract class Preset<P> implements ModelFactory<P> {
  private final String name;
  private final Class<P> parametersType;
  private final SequentialFactory sequential;

  protected Preset(String name, Class<P> parametersType, SequentialFactory sequential) {
    this.name = name;
    this.parametersType = parametersType;
    this.sequential = sequential;
  }

  /** The spec these keys stand for. */
  protected abstract SequentialSpec specOf(P parameters);

  @Override
  public final Class<P> parametersType() {
    return parametersType;
  }

  /**
   * The spec these keys stand for, with every component found and bound.
   *
   * @throws ConfigException naming the preset's own key ({@code model.gbceT}, not the spec's {@code model.loss.t})
   */
  public final Blueprint resolve(P parameters) {
    SequentialSpec spec = specOf(parameters);
    try {
      return sequential.components().resolve(spec);
    } catch (ConfigException e) {
      throw FlatLoss.flatKeys(e);
    }
  }

  @Override
  public final Optional<ModelExpansion> expand(P parameters) {
    return Optional.of(new ModelExpansion(ComposedModel.TYPE, resolve(parameters).spec(), name));
  }

  @Override
  public final Trainer trainer(P parameters) {
    return new SequentialTrainer(resolve(parameters));
  }

  @Override
  public final TrainedModel load(Path dir) throws IOException {
    return sequential.load(dir);
  }
}
