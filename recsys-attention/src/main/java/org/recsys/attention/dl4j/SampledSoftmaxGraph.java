package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.loss.SampledSoftmax;

/**
 * {@link SampledSoftmax} as a graph over each cell's target and negatives: {@code logsumexp(s+, s_1..s_k) - s+}
 * ({@link LossGraph#logSumExp}).
 */
record SampledSoftmaxGraph(SampledSoftmax loss) implements LossGraph {
  @Override
  public SDVariable cellLosses(GraphContext g, DotHeadGraph head, SDVariable states) {
    SameDiff sd = g.sd();
    int k = loss.negatives();
    SDVariable scores = head.scoreCandidates(g, states, "loss.candidates", k + 1, b -> LossGraph.candidates(b, k));
    return LossGraph.logSumExp(sd, scores).sub(scores.get(SDIndex.all(), SDIndex.interval(0, 1)));
  }
}
