package org.recsys.attention.dl4j;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.loss.Loss;
import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.train.TrainingBatch;

/** A training loss of the loss library as a graph over a head's scores. */
interface LossGraph {
  /**
   * Each cell's loss, {@code [cells, 1]} (any value where a cell has no target: the caller weighs it by 0).
   *
   * @param states the encoder's states, {@code [cells, size]}
   */
  SDVariable cellLosses(GraphContext g, DotHeadGraph head, SDVariable states);

  /** The graph of {@code loss}, or empty when the dl4j backend has none for it yet. */
  static Optional<LossGraph> of(Loss loss, boolean scoreBias) {
    if (loss instanceof BinaryCrossEntropy b) {
      return Optional.of(new BinaryCrossEntropyGraph(b, scoreBias));
    }
    if (loss instanceof SampledSoftmax s) {
      return Optional.of(new SampledSoftmaxGraph(s));
    }
    if (loss instanceof SoftmaxCrossEntropy ce && !ce.excludesHistory()) {
      return Optional.of(new SoftmaxCrossEntropyGraph());
    }
    return Optional.empty();
  }

  /** The targets, with -1 where a cell has none. */
  static int[] targets(TrainingBatch b) {
    int[] ids = b.targets().clone();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == 0) {
        ids[i] = -1;
      }
    }
    return ids;
  }

  /**
   * {@code log(sum(exp(x)))} over dimension 1 of {@code x [cells, n]}, kept as {@code [cells, 1]}: written from
   * max, exp, sum and log, shifted by the row's maximum, because DL4J 1.0.0-M2.1's {@code logSumExp} fails in
   * backprop (see {@code UpstreamCanaryTest}).
   */
  static SDVariable logSumExp(SameDiff sd, SDVariable x) {
    SDVariable max = x.max(true, 1);
    return sd.math.log(sd.math.exp(x.sub(max)).sum(true, 1)).add(max);
  }

  /** Each cell's target then its {@code k} negatives; -1 throughout where a cell has no target. */
  static int[] candidates(TrainingBatch b, int k) {
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
