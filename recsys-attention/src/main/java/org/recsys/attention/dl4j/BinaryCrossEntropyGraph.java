package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.model.Architecture;

/**
 * {@link BinaryCrossEntropy} (bce, gbce) as a graph over each cell's target and negatives: {@code norm * (beta *
 * softplus(-s+) + sum_k softplus(s_k))}, with the learned score bias added to every score when configured. Softplus
 * is written as {@code relu(x) + log(1 + exp(-|x|))}: DL4J 1.0.0-M2.1's {@code softplus} overflows to infinity above
 * about 88 (see {@code UpstreamCanaryTest}).
 */
record BinaryCrossEntropyGraph(BinaryCrossEntropy loss, boolean scoreBias) implements LossGraph {
  @Override
  public SDVariable cellLosses(GraphContext g, DotHeadGraph head, SDVariable states) {
    SameDiff sd = g.sd();
    int k = loss.negatives();
    SDVariable scores = head.scoreCandidates(g, states, "loss.candidates", k + 1,
        b -> LossGraph.candidates(b, k));
    if (scoreBias) {
      scores = scores.add(g.parameter(Architecture.SCORE_BIAS));
    }
    float[] sign = new float[k + 1];
    float[] weight = new float[k + 1];
    for (int q = 0; q <= k; q++) {
      sign[q] = q == 0 ? -1f : 1f;
      weight[q] = (float) (loss.norm() * (q == 0 ? loss.beta() : 1));
    }
    SDVariable x = scores.mul(sd.constant("loss.sign", Nd4j.create(sign, new long[] {1, k + 1}, 'c')));
    SDVariable softplus = sd.nn.relu(x, 0).add(sd.math.log(sd.math.exp(sd.math.abs(x).neg()).add(1.0)));
    return softplus.mul(sd.constant("loss.weight", Nd4j.create(weight, new long[] {1, k + 1}, 'c'))).sum(true, 1);
  }
}
