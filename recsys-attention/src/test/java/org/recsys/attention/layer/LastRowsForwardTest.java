package org.recsys.attention.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.PackedSequences;

/**
 * At inference the encoder computes the last block only at each sequence's last row; those states must equal the
 * last rows of the full forward pass, for every block layout, causal or bidirectional.
 */
class LastRowsForwardTest {
  private static final int ITEMS = 9;
  private static final int MAX_LEN = 6;
  private static final int DIM = 8;

  @ParameterizedTest
  @EnumSource(BlockLayout.class)
  void lastRowsEqualTheFullForwardsLastRows(BlockLayout layout) {
    for (boolean causal : new boolean[] {true, false}) {
      SequenceEmbedding emb = new SequenceEmbedding("encoder.embedding", ITEMS + 1, DIM, MAX_LEN, Positions.LEARNED,
          PositionOrigin.END, true, false, 0f, 0.1, Initialisation.XAVIER);
      List<Layer> blocks = List.of(
          new TransformerBlock("encoder.block0", DIM, 2, 12, causal, layout, 0.1, 0.1, 1e-6f, Activation.RELU, Initialisation.XAVIER),
          new TransformerBlock("encoder.block1", DIM, 2, 12, causal, layout, 0.1, 0.1, 1e-6f, Activation.RELU, Initialisation.XAVIER));
      SequenceEncoder encoder = new SequenceEncoder(emb, blocks,
          Optional.of(new LayerNormLayer("encoder.final_norm", DIM, 1e-6f)));
      ParameterLayout layout0 = new ParameterLayout(encoder.parameters());
      try (ParameterSet w = layout0.allocate(); SequenceEncoder.Pass pass = encoder.pass(w, false)) {
        layout0.initialise(w, 11);
        // Non-trivial norms, so that a wrong row would show.
        for (int i = 0; i < w.size(); i++) {
          if (w.get(i).name().endsWith(".bias")) {
            w.get(i).value().fill(0.1f);
          }
        }
        PackedSequences packed = PackedSequences.fromHistories(List.of(new int[] {3, 1, 4, 1, 5, 9, 2},
            new int[0], new int[] {7}, new int[] {2, 6}), MAX_LEN, ITEMS);
        Rows rows = new Rows().reset(packed, 0, packed.count, false, 0L);
        FloatTensor full = pass.forward(rows);
        float[] fullValues = full.toArray();
        Rows last = new Rows();
        FloatTensor lastStates = pass.forwardLast(rows, last);
        assertThat(last.rows()).as("one row per non-empty history").isEqualTo(3);
        for (int s = 0; s < packed.count; s++) {
          if (rows.length(s) == 0) {
            assertThat(last.length(s)).isZero();
            continue;
          }
          int fullRow = rows.start(s + 1) - 1;
          for (int j = 0; j < DIM; j++) {
            assertThat(lastStates.get(last.start(s) * DIM + j)).as("%s causal=%s history %d dim %d", layout, causal, s,
                j).isCloseTo(fullValues[fullRow * DIM + j], within(1e-5f));
          }
        }
      }
    }
  }
}
