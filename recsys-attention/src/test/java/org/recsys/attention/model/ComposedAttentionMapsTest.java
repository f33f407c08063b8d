package org.recsys.attention.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.api.explain.AttentionMap;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.testing.TinyData;

/** Attention maps of other composed models: a masked-item encoder's mask slot, an encoder without attention. */
class ComposedAttentionMapsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ITEMS = 20;

  private static ComposedModel model(String specJson) throws Exception {
    Blueprint b = SequentialFactory.discover().components().resolve(JSON.readValue(specJson, SequentialSpec.class));
    Architecture architecture = b.architecture(ITEMS);
    try (ComposedNetwork net = ComposedNetwork.create(architecture, 5, 1)) {
      return ComposedModel.copyOf(b.spec(), architecture, net.parameters(), TinyData.vocabulary(ITEMS), Map.of());
    }
  }

  @Test
  void aMaskedItemModelAttendsFromItsMaskWhichIsNoHistoryItem() throws Exception {
    try (ComposedModel model = model("""
        {"maxLen": 6, "encoder": {"embedding": {"hiddenSize": 8, "dropout": 0.0},
          "blocks": [{"type": "transformer", "attention": "bidirectional", "layout": "post-ln", "heads": 2}]},
         "objective": {"type": "masked-item"}}
        """)) {
      assertThat(model.historyWindow()).isEqualTo(5);
      int[] history = {4, 9, 2, 11, 7, 3, 15};
      AttentionMaps maps = model.attention(history);
      assertThat(maps.window()).containsExactly(2, 3, 4, 5, 6, AttentionMaps.SPECIAL_TOKEN);
      assertThat(maps.maps()).hasSize(2);
      for (AttentionMap m : maps.maps()) {
        double sum = 0;
        for (float w : m.weights()) {
          sum += w;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(m.weight(5)).as("the mask's own weight").isPositive();
      }
      AttentionMaps two = model.attention(new int[] {4, 9});
      assertThat(two.window()).containsExactly(AttentionMaps.PADDING, AttentionMaps.PADDING, AttentionMaps.PADDING,
          0, 1, AttentionMaps.SPECIAL_TOKEN);
      assertThat(two.maps().get(0).weight(0)).isZero();
    }
  }

  @Test
  void anEncoderWithoutAttentionHasNoMaps() throws Exception {
    try (ComposedModel model = model("""
        {"maxLen": 6, "encoder": {"embedding": {"hiddenSize": 8, "positions": "none", "dropout": 0.0},
          "blocks": [{"type": "gru"}], "finalNorm": false}}
        """)) {
      AttentionMaps maps = model.attention(new int[] {1, 2, 3});
      assertThat(maps.maps()).isEmpty();
      assertThat(maps.window()).containsExactly(AttentionMaps.PADDING, AttentionMaps.PADDING, AttentionMaps.PADDING,
          0, 1, 2);
    }
  }
}
