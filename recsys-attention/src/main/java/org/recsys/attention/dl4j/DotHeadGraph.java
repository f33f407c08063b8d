package org.recsys.attention.dl4j;

import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.train.TrainingBatch;

/**
 * {@link DotHead} as a graph: a state's dot product with rows {@code 0..n} of its table (the encoder's when tied),
 * plus the per-item bias when it has one, against every item or against a few candidates per cell (whose rows are
 * looked up in Java, {@link RowLookup}).
 */
record DotHeadGraph(DotHead head) {
  /** Every item's score, {@code [cells, n + 1]} (column 0 is padding, for the caller to leave out). */
  SDVariable scoreAll(GraphContext g, SDVariable states) {
    SameDiff sd = g.sd();
    int d = head.stateSize();
    int v = head.numItems() + 1;
    SDVariable table = g.parameter(head.table());
    if (g.shape(head.table())[0] != v) {
      table = sd.slice(table, new int[] {0, 0}, new int[] {v, d}); // leaves out special tokens (a mask)
    }
    SDVariable scores = sd.mmul(states, table, false, true, false);
    return head.biasName().isPresent() ? scores.add(g.parameter(head.biasName().get())) : scores;
  }

  /**
   * The scores of {@code perCell} candidates per cell, {@code [cells, perCell]}; a negative id scores 0 and takes no
   * gradient.
   *
   * @param name the prefix of the placeholders of the candidates' rows
   */
  SDVariable scoreCandidates(GraphContext g, SDVariable states, String name, int perCell,
      Function<TrainingBatch, int[]> ids) {
    SameDiff sd = g.sd();
    int d = head.stateSize();
    SDVariable scores;
    if (perCell == 1) {
      scores = states.mul(g.lookup(name + ".rows", head.table(), d, 1, ids)).sum(true, 1);
    } else {
      SDVariable rows = g.lookup(name + ".rows", head.table(), d, perCell, ids);
      scores = sd.expandDims(states, 1).mul(rows).sum(false, 2);
    }
    if (head.biasName().isEmpty()) {
      return scores;
    }
    SDVariable bias = g.lookup(name + ".bias", head.biasName().get(), 1, perCell, ids);
    return scores.add(perCell == 1 ? bias : sd.reshape(bias, -1, perCell));
  }
}
