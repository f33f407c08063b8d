package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import org.recsys.api.ConfigException;
import org.recsys.attention.layer.Gru;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.Lstm;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;

/**
 * A recurrent block: one recurrent layer over each sequence's rows, {@code lstm} ({@link Lstm}) or {@code gru}
 * ({@link Gru}, as GRU4Rec); stack several for a deeper recurrence.
 */
public final class RecurrentBlockType implements BlockType<RecurrentBlockType.Params> {
  /** Builds the layer from its name, input size, state size and input dropout. */
  @FunctionalInterface
  public interface LayerConstructor {
    Layer create(String name, int inputSize, int hiddenSize, double inputDropout);
  }

  /**
   * @param hiddenSize the state size (default: the input size)
   * @param inputDropout drop rate of the layer's input in training (0)
   */
  public record Params(Integer hiddenSize, Double inputDropout) {
    public Params {
      if (hiddenSize != null && hiddenSize < 1) {
        throw new ConfigException("hiddenSize", "hiddenSize must be > 0, got " + hiddenSize);
      }
      inputDropout = unitInterval("inputDropout", orDefault(inputDropout, 0.0), 0.0);
    }
  }

  private final LayerConstructor constructor;

  private RecurrentBlockType(LayerConstructor constructor) {
    this.constructor = constructor;
  }

  /** The {@code lstm} block. */
  public static RecurrentBlockType lstm() {
    return new RecurrentBlockType(Lstm::new);
  }

  /** The {@code gru} block. */
  public static RecurrentBlockType gru() {
    return new RecurrentBlockType(Gru::new);
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Layer create(Params p, BlockContext c) {
    return constructor.create(c.name(), c.inputSize(), p.hiddenSize() == null ? c.inputSize() : p.hiddenSize(),
        p.inputDropout());
  }
}
