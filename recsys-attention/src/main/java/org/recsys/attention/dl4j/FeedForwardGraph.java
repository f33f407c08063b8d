package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.FeedForward;

/** {@link FeedForward} as a graph: {@code relu(dropout(x W1 + b1)) W2 + b2}, the mask named {@code <name>.dropout}. */
record FeedForwardGraph(FeedForward ffn) {
  SDVariable forward(GraphContext g, SDVariable x) {
    SDVariable hidden = g.dropout(ffn.name() + ".dropout", new LinearGraph(ffn.first()).forward(g, x), ffn.dropout(),
        ffn.inner());
    return new LinearGraph(ffn.second()).forward(g, g.sd().nn.relu(hidden, 0));
  }
}
