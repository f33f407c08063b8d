package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.api.explain.AttentionMap;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.testing.TinyData;

/** The LSTM-attention model's pooling weights of its last position, against the double-precision reference. */
class LstmAttentionExplanationTest {
  private static final int MAX_LEN = LstmAttentionGradientTest.MAX_LEN;

  @Test
  void poolingWeightsMatchTheReferenceSumToOneAndAreZeroOnPadding() {
    LstmAttentionPreset.Params p = LstmAttentionGradientTest.params("ce", "tied", false, 1);
    try (ComposedNetwork net = LstmAttentionGradientTest.randomNetwork(p, 21);
        ComposedModel model = ComposedModel.copyOf(LstmAttentionNetworks.blueprint(p).spec(), net.architecture(),
            net.parameters(), TinyData.vocabulary(LstmAttentionGradientTest.ITEMS), Map.of())) {
      ReferenceLstmAttention reference = LstmAttentionGradientTest.reference(net, "tied", false);
      for (int[] history : List.of(new int[] {3, 1}, new int[] {3, 1, 4, 1, 5}, new int[] {2, 6, 7, 3, 1, 4, 5})) {
        AttentionMaps maps = model.attention(history);
        int visible = Math.min(MAX_LEN, history.length);
        int[] window = new int[MAX_LEN];
        System.arraycopy(history, history.length - visible, window, MAX_LEN - visible, visible);
        reference.forward(window);
        assertThat(maps.maps()).hasSize(1);
        AttentionMap m = maps.maps().get(0);
        assertThat(m.layer()).isEqualTo("encoder.block2");
        assertThat(m.kind()).isEqualTo("attention-pooling");
        double sum = 0;
        for (int slot = 0; slot < MAX_LEN; slot++) {
          assertThat((double) m.weight(slot)).isCloseTo(reference.lastAttention[slot], within(1e-5));
          if (slot < MAX_LEN - visible) {
            assertThat(m.weight(slot)).isZero();
            assertThat(maps.historyIndex(slot)).isEqualTo(AttentionMaps.PADDING);
          } else {
            sum += m.weight(slot);
            assertThat(maps.historyIndex(slot)).isEqualTo(history.length - MAX_LEN + slot);
          }
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
      }
    }
  }
}
