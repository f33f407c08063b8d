package org.recsys.attention.dl4j;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.AttentionPooling;
import org.recsys.attention.layer.CaserConvolution;
import org.recsys.attention.layer.Gru;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.Lstm;
import org.recsys.attention.layer.TransformerBlock;

/**
 * An encoder block of the layer library as a SameDiff graph over the same parameter names: rows {@code [cells,
 * inputSize]} to {@code [cells, outputSize]}. Only the forward computation: SameDiff differentiates it.
 */
interface LayerGraph {
  SDVariable forward(GraphContext g, SDVariable x);

  /** The graph of {@code layer}, or empty when the dl4j backend has none for its kind yet. */
  static Optional<LayerGraph> of(Layer layer) {
    if (layer instanceof TransformerBlock t) {
      return Optional.of(new TransformerGraph(t));
    }
    if (layer instanceof Lstm l) {
      return Optional.of(new LstmGraph(l));
    }
    if (layer instanceof Gru r) {
      return Optional.of(new GruGraph(r));
    }
    if (layer instanceof AttentionPooling p) {
      return Optional.of(new AttentionPoolingGraph(p));
    }
    if (layer instanceof CaserConvolution c) {
      return Optional.of(new CaserGraph(c));
    }
    if (layer instanceof SameDiffBlock b) {
      return Optional.of(b.graph()::forward);
    }
    return Optional.empty();
  }
}
