package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.TransformerBlock;

/** {@link TransformerBlock} as a graph, wired by its layout exactly as the native block (see its {@code BlockLayout}). */
record TransformerGraph(TransformerBlock block) implements LayerGraph {
  @Override
  public SDVariable forward(GraphContext g, SDVariable x) {
    LayerNormGraph norm1 = new LayerNormGraph(block.attentionNorm());
    LayerNormGraph norm2 = new LayerNormGraph(block.ffnNorm());
    SelfAttentionGraph attention = new SelfAttentionGraph(block.attention());
    FeedForwardGraph ffn = new FeedForwardGraph(block.ffn());
    return switch (block.layout()) {
      case SASREC -> {
        SDVariable q = norm1.forward(g, x);
        SDVariable f = norm2.forward(g, q.add(attention.forward(g, q, x)));
        yield f.add(residual(g, "ffn", ffn.forward(g, f)));
      }
      case PRE_LN -> {
        SDVariable a = norm1.forward(g, x);
        SDVariable h = x.add(residual(g, "attention", attention.forward(g, a, a)));
        yield h.add(residual(g, "ffn", ffn.forward(g, norm2.forward(g, h))));
      }
      case POST_LN -> {
        SDVariable h = norm1.forward(g, x.add(residual(g, "attention", attention.forward(g, x, x))));
        yield norm2.forward(g, h.add(residual(g, "ffn", ffn.forward(g, h))));
      }
    };
  }

  private SDVariable residual(GraphContext g, String which, SDVariable branch) {
    return g.dropout(block.residualDropout(which).name(), branch, block.dropout(), block.size());
  }
}
