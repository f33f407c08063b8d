package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.layer.LayerNormLayer;

/**
 * {@link LayerNormLayer} as a graph, from primitive ops: SameDiff's fused {@code layerNorm} takes no epsilon, and
 * the spec's (1e-8 in SASRec, 1e-12 in BERT4Rec) changes outputs beyond the parity tolerance.
 *
 * <p>Every per-row statistic is a product with a constant {@code [d, d]} matrix, which leaves it broadcast across
 * the row, and the gain is a product with its diagonal matrix: ND4J differentiates a broadcasting multiply 5 to 13
 * times slower than one elementwise pass (BENCHMARKS.md, "Where a dl4j step spends its time"), a matrix product
 * fast. The centring product also replaces the mean's broadcasting subtract. What remains elementwise is between
 * arrays of one shape.
 */
record LayerNormGraph(LayerNormLayer norm) {
  SDVariable forward(GraphContext g, SDVariable x) {
    SameDiff sd = g.sd();
    int d = norm.size();
    INDArray average = Nd4j.valueArrayOf(new long[] {d, d}, 1.0f / d, DataType.FLOAT);
    INDArray centring = Nd4j.eye(d).castTo(DataType.FLOAT).subi(average);
    SDVariable centred = x.mmul(sd.constant(norm.name() + ".centring", centring));
    SDVariable variance = centred.mul(centred).mmul(sd.constant(norm.name() + ".average", average));
    SDVariable normalised = centred.mul(sd.math.rsqrt(variance.add(norm.eps())));
    SDVariable gain = sd.math.diag(g.parameter(norm.name() + ".gain"));
    return normalised.mmul(gain).add(g.parameter(norm.name() + ".bias"));
  }
}
