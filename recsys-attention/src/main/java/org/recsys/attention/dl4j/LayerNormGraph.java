package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.attention.layer.LayerNormLayer;

/**
 * {@link LayerNormLayer} as a graph, from primitive ops: SameDiff's fused {@code layerNorm} takes no epsilon, and
 * the spec's (1e-8 in SASRec, 1e-12 in BERT4Rec) changes outputs beyond the parity tolerance.
 */
record LayerNormGraph(LayerNormLayer norm) {
  SDVariable forward(GraphContext g, SDVariable x) {
    SDVariable centred = x.sub(x.mean(true, 1));
    SDVariable variance = centred.mul(centred).mean(true, 1);
    SDVariable normalised = centred.mul(g.sd().math.rsqrt(variance.add(norm.eps())));
    return normalised.mul(g.parameter(norm.name() + ".gain")).add(g.parameter(norm.name() + ".bias"));
  }
}
