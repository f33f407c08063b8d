package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.loss.SoftmaxCrossEntropy;

/**
 * {@link SoftmaxCrossEntropy} over every item as a graph: {@code logsumexp(s_1..s_n) - s+}, the log-sum-exp written
 * from primitive ops, shifted by the row's maximum. DL4J 1.0.0-M2.1's {@code logSumExp} fails in backprop and its
 * {@code sparseSoftmaxCrossEntropy} returns infinity for widely spread logits (see {@code UpstreamCanaryTest}). The
 * target's score is a dot product with its looked-up row rather than a pick from the logits, which would need a
 * one-hot matrix as large as the logits.
 */
record SoftmaxCrossEntropyGraph() implements LossGraph {
  @Override
  public SDVariable cellLosses(GraphContext g, DotHeadGraph head, SDVariable states) {
    SameDiff sd = g.sd();
    INDArray padding = Nd4j.zeros(DataType.FLOAT, 1, head.head().numItems() + 1);
    padding.putScalar(0, GraphContext.MASKED);
    SDVariable logits = head.scoreAll(g, states).add(sd.constant("loss.padding_column", padding));
    return LossGraph.logSumExp(sd, logits).sub(head.scoreCandidates(g, states, "loss.target", 1, LossGraph::targets));
  }
}
