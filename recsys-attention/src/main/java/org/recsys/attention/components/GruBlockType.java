package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import org.recsys.api.ConfigException;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.Gru;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;

/** The {@code gru} block: one GRU layer ({@link Gru}), as in GRU4Rec; stack several for a deeper recurrence. */
public final class GruBlockType implements BlockType<GruBlockType.Params> {
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

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Layer create(Params p, BlockContext c) {
    return new Gru(c.name(), c.inputSize(), p.hiddenSize() == null ? c.inputSize() : p.hiddenSize(),
        p.inputDropout());
  }
}
