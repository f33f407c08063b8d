package org.recsys.attention.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.PackedSequences;

/**
 * A batch packed {@link PackedSequences#sharingPrefixes sharing prefixes} (each sequence keeps only the rows after
 * those it has in common with another) must give every row the output it has when each sequence holds all its
 * rows: for every block layout and both position origins, in the full forward and in the last-rows forward.
 */
class SharedPrefixForwardTest {
  private static final int ITEMS = 9;
  private static final int MAX_LEN = 10;
  private static final int DIM = 8;

  @ParameterizedTest
  @EnumSource(BlockLayout.class)
  void sharedRowsGiveTheOutputsOfTheFullBatch(BlockLayout layout) {
    for (PositionOrigin origin : PositionOrigin.values()) {
      SequenceEncoder encoder = encoder(layout, origin, true);
      assertThat(encoder.sharesPrefixes()).isTrue();
      ParameterLayout params = new ParameterLayout(encoder.parameters());
      try (ParameterSet w = params.allocate(); SequenceEncoder.Pass pass = encoder.pass(w, false);
          SequenceEncoder.Pass sharedPass = encoder.pass(w, false)) {
        params.initialise(w, 5);
        for (int i = 0; i < w.size(); i++) {
          if (w.get(i).name().endsWith(".bias")) {
            w.get(i).value().fill(0.1f);
          }
        }
        PackedSequences packed = PackedSequences.fromHistories(histories(), MAX_LEN, ITEMS);
        PackedSequences shared = packed.sharingPrefixes(2);
        // 76 rows in all; the variant without item j (j >= 2) shares its first j rows with the one without item 6
        // (the root), so the eight variants hold 7 + 7 + 5 + 4 + 3 + 2 + 1 + 7 rows instead of 8 x 7.
        assertThat(packed.rows).isEqualTo(76);
        assertThat(shared.rows).as("rows held once sharing").isEqualTo(56);
        String what = layout + " " + origin;

        Rows rows = new Rows().reset(packed, 0, packed.count, false, 0L);
        float[] full = pass.forward(rows).toArray();
        Rows sharedRows = new Rows().reset(shared, 0, shared.count, false, 0L);
        float[] fromShared = sharedPass.forward(sharedRows).toArray();
        for (int s = 0; s < packed.count; s++) {
          for (int r = 0; r < sharedRows.length(s); r++) {
            int logical = sharedRows.shared(s) + r;
            for (int j = 0; j < DIM; j++) {
              assertThat(fromShared[(sharedRows.start(s) + r) * DIM + j]).as("%s sequence %d row %d", what, s, logical)
                  .isCloseTo(full[(rows.start(s) + logical) * DIM + j], within(2e-5f));
            }
          }
        }

        Rows last = new Rows();
        float[] lastFull = pass.forwardLast(rows, last).toArray();
        int[] lastStart = new int[packed.count];
        for (int s = 0; s < packed.count; s++) {
          lastStart[s] = last.start(s);
        }
        Rows sharedLast = new Rows();
        float[] lastShared = sharedPass.forwardLast(sharedRows, sharedLast).toArray();
        for (int s = 0; s < packed.count; s++) {
          assertThat(sharedLast.length(s)).isEqualTo(packed.length(s) > 0 ? 1 : 0);
          for (int j = 0; sharedLast.length(s) > 0 && j < DIM; j++) {
            assertThat(lastShared[sharedLast.start(s) * DIM + j]).as("%s last row of %d", what, s)
                .isCloseTo(lastFull[lastStart[s] * DIM + j], within(2e-5f));
          }
        }
      }
    }
  }

  @Test
  void onlyCausalBlocksShare() {
    assertThat(encoder(BlockLayout.SASREC, PositionOrigin.END, false).sharesPrefixes()).isFalse();
  }

  /** A history, its leave-one-out variants, the history without its last item, and two unrelated ones. */
  private static List<int[]> histories() {
    int[] h = {3, 1, 4, 1, 5, 9, 2, 6};
    List<int[]> out = new ArrayList<>();
    out.add(h);
    for (int p = 0; p < h.length; p++) {
      int[] v = new int[h.length - 1];
      System.arraycopy(h, 0, v, 0, p);
      System.arraycopy(h, p + 1, v, p, h.length - p - 1);
      out.add(v);
    }
    out.add(new int[] {7, 2});
    out.add(new int[0]);
    out.add(new int[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}); // longer than the window: its last 10 items
    return out;
  }

  private static SequenceEncoder encoder(BlockLayout layout, PositionOrigin origin, boolean causal) {
    SequenceEmbedding emb = new SequenceEmbedding("encoder.embedding", ITEMS + 1, DIM, MAX_LEN, Positions.LEARNED,
        origin, true, false, 0f, 0.1, Initialisation.XAVIER);
    List<Layer> blocks = List.of(
        new TransformerBlock("encoder.block0", DIM, 2, 12, causal, layout, 0.1, 0.1, 1e-6f, Activation.RELU,
            Initialisation.XAVIER),
        new TransformerBlock("encoder.block1", DIM, 2, 12, causal, layout, 0.1, 0.1, 1e-6f, Activation.RELU,
            Initialisation.XAVIER));
    return new SequenceEncoder(emb, blocks, Optional.of(new LayerNormLayer("encoder.final_norm", DIM, 1e-6f)));
  }
}
