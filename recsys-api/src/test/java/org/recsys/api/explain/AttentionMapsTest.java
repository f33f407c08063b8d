package org.recsys.api.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionMapsTest {
  @Test
  void mapsAreValuesThatCopyTheirArrays() {
    float[] w = {0, 0.25f, 0.75f};
    AttentionMap a = new AttentionMap("block0.attention", "self-attention", 0, w);
    w[1] = 9;
    assertThat(a.weight(1)).isEqualTo(0.25f);
    a.weights()[2] = 9;
    assertThat(a.weight(2)).isEqualTo(0.75f);
    AttentionMap same = new AttentionMap("block0.attention", "self-attention", 0, new float[] {0, 0.25f, 0.75f});
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(
        new AttentionMap("block0.attention", "self-attention", 1, new float[] {0, 0.25f, 0.75f}));
    int[] window = {AttentionMaps.PADDING, 0, 1};
    AttentionMaps maps = new AttentionMaps(window, List.of(a));
    window[1] = 5;
    assertThat(maps.historyIndex(1)).isZero();
    assertThat(maps).isEqualTo(new AttentionMaps(new int[] {-1, 0, 1}, List.of(same)));
  }

  @Test
  void inconsistentMapsAreRefused() {
    AttentionMap a = new AttentionMap("l", "self-attention", 0, new float[] {1});
    assertThatThrownBy(() -> new AttentionMaps(new int[] {0, 1}, List.of(a))).hasMessageContaining("1 weights for a"
        + " window of 2");
    assertThatThrownBy(() -> new AttentionMaps(new int[] {-3}, List.of())).hasMessageContaining("slot 0");
    assertThatThrownBy(() -> new AttentionMap("l", "k", -1, new float[0])).hasMessageContaining("head");
    assertThatThrownBy(() -> new Contribution(0, 1, 1, 1.5)).hasMessageContaining("share");
  }
}
