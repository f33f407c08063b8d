package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.positive;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import org.recsys.api.ConfigException;
import org.recsys.attention.layer.Activation;
import org.recsys.attention.layer.BlockLayout;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.TransformerBlock;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;
import org.recsys.attention.spec.SpecChecks;

/** The {@code transformer} block: self-attention and a point-wise feed-forward layer ({@link TransformerBlock}). */
public final class TransformerBlockType implements BlockType<TransformerBlockType.Params> {
  /**
   * @param heads attention heads; must divide the input size (1)
   * @param inner the feed-forward's hidden size (default: the input size, as SASRec)
   * @param attention {@code causal} (default) or {@code bidirectional}
   * @param layout {@code sasrec} (default), {@code pre-ln} or {@code post-ln}
   * @param dropout drop rate of the feed-forward's units and the residual branches (0.2)
   * @param attentionDropout drop rate of the attention weights (default: {@code dropout})
   * @param eps the layer norms' epsilon (1e-8, as SASRec's code)
   * @param activation the feed-forward's non-linearity: {@code relu} (default, as SASRec) or {@code gelu} (BERT)
   */
  public record Params(Integer heads, Integer inner, String attention, String layout, Double dropout,
      Double attentionDropout, Double eps, String activation) {
    public Params {
      heads = positive("heads", heads, 1);
      if (inner != null && inner < 1) {
        throw new ConfigException("inner", "inner must be > 0, got " + inner);
      }
      attention = SpecChecks.oneOf("attention", attention, "causal", "causal", "bidirectional");
      layout = BlockLayout.parse("layout", orDefault(layout, "sasrec")).configName();
      dropout = unitInterval("dropout", dropout, 0.2);
      attentionDropout = unitInterval("attentionDropout", attentionDropout, dropout);
      eps = SpecChecks.positive("eps", eps, 1e-8);
      activation = Activation.parse("activation", orDefault(activation, "relu")).configName();
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Layer create(Params p, BlockContext c) {
    if (c.inputSize() % p.heads() != 0) {
      throw new ConfigException("heads", "heads (" + p.heads() + ") must divide the block's input size ("
          + c.inputSize() + ")");
    }
    return new TransformerBlock(c.name(), c.inputSize(), p.heads(), p.inner() == null ? c.inputSize() : p.inner(),
        p.attention().equals("causal"), BlockLayout.parse("layout", p.layout()), p.dropout(), p.attentionDropout(),
        p.eps().floatValue(), Activation.parse("activation", p.activation()), c.init());
  }
}
