package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.loss.SampledSoftmax;

/**
 * {@link SampledSoftmax} as a graph over each cell's target and negatives: {@code logsumexp(s+, s_1..s_k) - s+},
 * the log-sum-exp written out from max, exp and sum (DL4J 1.0.0-M2.1's {@code logSumExp} has a broken gradient;
 * see {@code UpstreamCanaryTest}).
 */
record SampledSoftmaxGraph(SampledSoftmax loss) implements LossGraph {
  @Override
  public SDVariable cellLosses(GraphContext g, DotHeadGraph head, SDVariable states) {
    SameDiff sd = g.sd();
    int k = loss.negatives();
    SDVariable scores = head.scoreCandidates(g, states, "loss.candidates", k + 1, b -> LossGraph.candidates(b, k));
    SDVariable max = scores.max(true, 1);
    SDVariable logSumExp = sd.math.log(sd.math.exp(scores.sub(max)).sum(true, 1)).add(max);
    return logSumExp.sub(scores.get(SDIndex.all(), SDIndex.interval(0, 1)));
  }
}
