package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.layer.Positions;
import org.recsys.attention.layer.SequenceEmbedding;
import org.recsys.attention.train.TrainingBatch;

/**
 * {@link SequenceEmbedding} as a graph: {@code dropout(norm(scale * E[item] + P[position]))}, the rows of the item table
 * {@code <name>.items} and of the learned positions {@code <name>.positions} (or the sinusoids) looked up in Java
 * ({@link RowLookup}); padding cells read zero rows. The mask is named {@code <name>.dropout}.
 */
record EmbeddingGraph(SequenceEmbedding embedding) {
  SDVariable forward(GraphContext g) {
    int d = embedding.size();
    SDVariable x = g.lookup(embedding.itemTable() + ".rows", embedding.itemTable(), d, 1, EmbeddingGraph::items);
    if (embedding.scaleBySqrtSize()) {
      x = x.mul(Math.sqrt(d));
    }
    int maxLen = embedding.maxLen();
    PositionOrigin origin = embedding.origin();
    if (embedding.positions() == Positions.LEARNED) {
      x = x.add(g.lookup(embedding.positionTable() + ".rows", embedding.positionTable(), d, 1,
          b -> positions(b, origin)));
    } else if (embedding.positions() == Positions.SINUSOIDAL) {
      x = x.add(g.fixedLookup(embedding.name() + ".sinusoids", SequenceEmbedding.sinusoids(maxLen, d), d,
          b -> positions(b, origin)));
    }
    if (embedding.norm()) {
      x = new LayerNormGraph(embedding.normLayer()).forward(g, x);
    }
    return g.dropout(embedding.name() + ".dropout", x, embedding.dropout(), d);
  }

  /** The input ids, padding as -1. */
  static int[] items(TrainingBatch b) {
    int[] ids = b.inputs().clone();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == 0) {
        ids[i] = -1;
      }
    }
    return ids;
  }

  /** Each item's position as the native embedding counts it ({@link PositionOrigin}), padding as -1. */
  static int[] positions(TrainingBatch b, PositionOrigin origin) {
    int len = b.maxLen();
    int[] in = b.inputs();
    int[] ids = new int[in.length];
    for (int w = 0; w < b.size(); w++) {
      int first = -1;
      for (int t = 0; t < len; t++) {
        int at = w * len + t;
        if (in[at] == 0) {
          ids[at] = -1;
          continue;
        }
        first = first < 0 ? t : first;
        ids[at] = origin == PositionOrigin.START ? t - first : t;
      }
    }
    return ids;
  }
}
