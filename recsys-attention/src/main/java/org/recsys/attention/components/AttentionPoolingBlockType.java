package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.positive;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import org.recsys.api.ConfigException;
import org.recsys.attention.layer.AttentionPooling;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;

/**
 * The {@code attention-pooling} block: causal additive attention over the rows so far, combined with the current
 * row ({@link AttentionPooling}); the LSTM-attention model's last block.
 */
public final class AttentionPoolingBlockType implements BlockType<AttentionPoolingBlockType.Params> {
  /**
   * @param attentionSize the size of the score's hidden layer (32)
   * @param outputSize the size of the combined state (default: the input size)
   * @param dropout drop rate of the combined input in training (0.2)
   */
  public record Params(Integer attentionSize, Integer outputSize, Double dropout) {
    public Params {
      attentionSize = positive("attentionSize", attentionSize, 32);
      if (outputSize != null && outputSize < 1) {
        throw new ConfigException("outputSize", "outputSize must be > 0, got " + outputSize);
      }
      dropout = unitInterval("dropout", dropout, 0.2);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Layer create(Params p, BlockContext c) {
    return new AttentionPooling(c.name(), c.inputSize(), p.attentionSize(),
        p.outputSize() == null ? c.inputSize() : p.outputSize(), p.dropout());
  }
}
