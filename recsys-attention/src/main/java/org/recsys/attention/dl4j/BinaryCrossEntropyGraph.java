package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.train.TrainingBatch;

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
    SDVariable scores = head.scoreCandidates(g, states, "loss.candidates", k + 1, this::candidates);
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

  /** Each cell's target then its negatives; -1 throughout where a cell has no target. */
  private int[] candidates(TrainingBatch b) {
    int k = loss.negatives();
    int[] ids = new int[b.targets().length * (k + 1)];
    for (int c = 0; c < b.targets().length; c++) {
      int t = b.targets()[c];
      ids[c * (k + 1)] = t == 0 ? -1 : t;
      for (int j = 0; j < k; j++) {
        ids[c * (k + 1) + 1 + j] = t == 0 ? -1 : b.negatives()[c * b.negativesPerPosition() + j];
      }
    }
    return ids;
  }
}
