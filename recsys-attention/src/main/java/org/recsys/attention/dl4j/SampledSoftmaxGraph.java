package org.recsys.attention.dl4j;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.train.TrainingBatch;

/**
 * {@link SampledSoftmax} as a graph over each cell's target and negatives: {@code logsumexp(s+, s_1..s_k) - s+}
 * ({@link LossGraph#logSumExp}), the candidates counted with their multiplicity as the native loss counts them.
 *
 * <p>Two equal formulations, the one with the smaller arrays chosen by {@link #scoresEveryItem}:
 * <ul>
 *   <li><b>Every item, masked.</b> One product of the states with the item table scores every item at every cell,
 *       {@code [cells, n + 1]}; a fed constant adds {@code log(multiplicity)} to each cell's candidates and
 *       {@link GraphContext#MASKED} to the other items, whose {@code exp} is then exactly 0. Its arrays grow with the
 *       catalogue.</li>
 *   <li><b>Per cell.</b> Each cell's {@code k + 1} candidate rows looked up in Java and fed,
 *       {@code [cells, k + 1, size]}; arrays that grow with {@code k} times the state size.</li>
 * </ul>
 * On ML-1M (3,416 items) with SASRec's 256 negatives of size 50 the first is about four times smaller, and a GEMM.
 */
record SampledSoftmaxGraph(SampledSoftmax loss) implements LossGraph {
  @Override
  public SDVariable cellLosses(GraphContext g, DotHeadGraph head, SDVariable states) {
    SameDiff sd = g.sd();
    int k = loss.negatives();
    if (scoresEveryItem(head.head().numItems(), head.head().stateSize(), k)) {
      int v = head.head().numItems() + 1;
      SDVariable multiplicity = g.feed("loss.log_multiplicity", v, b -> logMultiplicity(b, k, v));
      SDVariable logits = head.scoreAll(g, states).add(multiplicity);
      SDVariable target = head.scoreCandidates(g, states, "loss.target", 1, LossGraph::targets);
      return LossGraph.logSumExp(sd, logits).sub(target);
    }
    SDVariable scores = head.scoreCandidates(g, states, "loss.candidates", k + 1, b -> LossGraph.candidates(b, k));
    return LossGraph.logSumExp(sd, scores).sub(scores.get(SDIndex.all(), SDIndex.interval(0, 1)));
  }

  /**
   * Whether to score every item and mask ({@code n + 1} scores per cell) rather than look up each cell's
   * {@code k + 1} candidate rows ({@code (k + 1) * size} floats per cell): whichever is smaller.
   */
  static boolean scoresEveryItem(int numItems, int stateSize, int k) {
    return numItems + 1L <= (k + 1L) * stateSize;
  }

  /**
   * For each cell with a target, {@code log(m)} for each of its candidates (the target and its negatives) that
   * occurs {@code m} times among them and {@link GraphContext#MASKED} for every other item; 0 throughout for a cell
   * without a target (a finite loss that the cell's weight of 0 leaves out). {@code v} values per cell.
   */
  static float[] logMultiplicity(TrainingBatch b, int k, int v) {
    int cells = b.targets().length;
    float[] out = new float[cells * v];
    int[] count = new int[v];
    int[] candidates = new int[k + 1];
    for (int c = 0; c < cells; c++) {
      int t = b.targets()[c];
      if (t == 0) {
        continue;
      }
      candidates[0] = t;
      System.arraycopy(b.negatives(), c * b.negativesPerPosition(), candidates, 1, k);
      int row = c * v;
      Arrays.fill(out, row, row + v, (float) GraphContext.MASKED);
      for (int id : candidates) {
        count[id]++;
      }
      for (int id : candidates) {
        if (count[id] > 0) {
          out[row + id] = (float) Math.log(count[id]);
          count[id] = 0;
        }
      }
    }
    return out;
  }
}
