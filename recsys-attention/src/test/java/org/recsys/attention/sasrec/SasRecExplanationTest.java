package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.explain.AttentionMap;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.testing.TinyData;

/**
 * What a composed SASRec says about a history: the last position's attention weights per block and head, checked
 * against the double-precision reference on the padded window, and occlusion through the model's batched
 * scoring, checked against scoring each leave-one-out history alone.
 */
class SasRecExplanationTest {
  private static final int ITEMS = SasRecGradientTest.ITEMS;
  private static final int MAX_LEN = SasRecGradientTest.MAX_LEN;

  /** Two blocks of two heads over random weights, as a saved model would hold them. */
  private static ComposedModel model(String origin, long seed) {
    SasRecPreset.Params p = SasRecGradientTest.params("ce", 2, origin, null, false, 1);
    Blueprint blueprint = SasRecNetworks.blueprint(p);
    try (ComposedNetwork net = SasRecGradientTest.randomNetwork(p, seed)) {
      return ComposedModel.copyOf(blueprint.spec(), net.architecture(), net.parameters(), TinyData.vocabulary(ITEMS),
          Map.of());
    }
  }

  /** The most recent {@code MAX_LEN} items of {@code history}, left-padded to the window. */
  private static int[] window(int[] history) {
    int[] w = new int[MAX_LEN];
    int visible = Math.min(MAX_LEN, history.length);
    System.arraycopy(history, history.length - visible, w, MAX_LEN - visible, visible);
    return w;
  }

  @Test
  void lastPositionWeightsMatchTheReferencePerBlockAndHeadAndSumToOneOverTheVisibleHistory() {
    for (String origin : List.of("end", "start")) {
      try (ComposedModel model = model(origin, 11)) {
        ReferenceSasRec reference = new ReferenceSasRec(model.weights(), ITEMS, MAX_LEN, SasRecGradientTest.DIM, 2,
            2, PositionOrigin.valueOf(origin.toUpperCase(java.util.Locale.ROOT)), false);
        for (int[] history : List.of(new int[] {3, 1}, new int[] {6}, new int[] {3, 1, 4, 1, 5},
            new int[] {2, 7, 1, 3, 6, 4, 5, 2})) {
          AttentionMaps maps = model.attention(history);
          reference.forward(window(history));
          assertThat(maps.maps()).extracting(AttentionMap::layer).containsExactly("encoder.block0.attention",
              "encoder.block0.attention", "encoder.block1.attention", "encoder.block1.attention");
          assertThat(maps.maps()).extracting(AttentionMap::head).containsExactly(0, 1, 0, 1);
          int visible = Math.min(MAX_LEN, history.length);
          for (int l = 0; l < 2; l++) {
            for (int h = 0; h < 2; h++) {
              AttentionMap m = maps.maps().get(2 * l + h);
              assertThat(m.kind()).isEqualTo("self-attention");
              double sum = 0;
              for (int slot = 0; slot < MAX_LEN; slot++) {
                assertThat((double) m.weight(slot)).as("%s block %d head %d slot %d of %s", origin, l, h, slot,
                    Arrays.toString(history)).isCloseTo(reference.lastAttention[l][h][slot], within(1e-5));
                if (slot < MAX_LEN - visible) {
                  assertThat(m.weight(slot)).as("padding").isZero();
                } else {
                  sum += m.weight(slot);
                }
              }
              assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
          }
        }
      }
    }
  }

  @Test
  void windowSlotsMapToTheMostRecentHistoryItemsWhenTheHistoryIsTruncated() {
    try (ComposedModel model = model("end", 12)) {
      int[] history = {2, 7, 1, 3, 6, 4, 5, 2};
      AttentionMaps maps = model.attention(history);
      assertThat(maps.window()).containsExactly(3, 4, 5, 6, 7);
      for (int slot = 0; slot < MAX_LEN; slot++) {
        assertThat(history[maps.historyIndex(slot)]).isEqualTo(history[history.length - MAX_LEN + slot]);
      }
      AttentionMaps recent = model.attention(Arrays.copyOfRange(history, 3, 8));
      assertThat(recent.window()).containsExactly(0, 1, 2, 3, 4);
      assertThat(recent.maps()).isEqualTo(maps.maps());
      AttentionMaps shortOne = model.attention(new int[] {4, 6});
      assertThat(shortOne.window()).containsExactly(AttentionMaps.PADDING, AttentionMaps.PADDING,
          AttentionMaps.PADDING, 0, 1);
      AttentionMaps empty = model.attention(new int[0]);
      assertThat(empty.maps()).isEmpty();
      assertThat(empty.window()).containsOnly(AttentionMaps.PADDING);
      assertThat(model.historyWindow()).isEqualTo(MAX_LEN);
      assertThatThrownBy(() -> model.attention(new int[] {1, ITEMS + 1})).hasMessageContaining("item id 8");
    }
  }

  @Test
  void occlusionDropsAgreeWithScoringEachLeaveOneOutHistoryAlone() {
    try (ComposedModel model = model("end", 13)) {
      OcclusionExplainer explainer = new OcclusionExplainer(model);
      for (int[] history : List.of(new int[] {3, 1, 4, 6}, new int[] {2, 7, 1, 3, 6, 4, 5, 2})) {
        int[] items = {1, 5, 7};
        List<Explanation> explanations = explainer.explain(history, items);
        for (int j = 0; j < items.length; j++) {
          Explanation e = explanations.get(j);
          float full = alone(model, history, items[j]);
          double tolerance = 1e-6 * Math.max(1, Math.abs(full));
          assertThat((double) e.score()).isCloseTo(full, within(tolerance));
          assertThat(e.contributions()).hasSize(history.length);
          for (Contribution c : e.contributions()) {
            int[] without = new int[history.length - 1];
            for (int p = 0, q = 0; p < history.length; p++) {
              if (p != c.position()) {
                without[q++] = history[p];
              }
            }
            assertThat(c.drop()).as("item %d without position %d of %s", items[j], c.position(),
                Arrays.toString(history)).isCloseTo((double) full - alone(model, without, items[j]), within(tolerance));
            if (c.position() < history.length - MAX_LEN) {
              assertThat(c.drop()).as("outside the window").isZero();
            }
          }
        }
      }
    }
  }

  /**
   * Long histories, whose leave-one-out variants share the rows before the left-out item (which the encoder then
   * computes once per batch): the drops still agree with scoring each variant alone, on one thread and on two,
   * for both position origins.
   */
  @Test
  void occlusionOverSharedPrefixesAgreesWithScoringEachVariantAlone() {
    for (String origin : List.of("end", "start")) {
      SasRecPreset.Params p = SasRecNetworks.params("maxLen", 40, "hiddenSize", SasRecGradientTest.DIM, "blocks", 2,
          "heads", 2, "dropout", 0.0, "positions", origin, "loss", "ce", "threads", 1);
      try (ComposedNetwork net = SasRecGradientTest.randomNetwork(p, 21);
          ComposedModel model = ComposedModel.copyOf(SasRecNetworks.blueprint(p).spec(), net.architecture(),
              net.parameters(), TinyData.vocabulary(ITEMS), Map.of())) {
        SplittableRandom random = new SplittableRandom(3);
        int[] history = random.ints(36, 1, ITEMS + 1).toArray();
        int[] items = {2, 6};
        for (int threads : new int[] {1, 2}) {
          List<Explanation> explanations = new OcclusionExplainer(model, threads).explain(history, items);
          for (int j = 0; j < items.length; j++) {
            float full = alone(model, history, items[j]);
            double tolerance = 2e-6 * Math.max(1, Math.abs(full));
            for (Contribution c : explanations.get(j).contributions()) {
              int[] without = new int[history.length - 1];
              System.arraycopy(history, 0, without, 0, c.position());
              System.arraycopy(history, c.position() + 1, without, c.position(), history.length - c.position() - 1);
              assertThat(c.drop()).as("%s origin, %d threads, item %d without position %d", origin, threads, items[j],
                  c.position()).isCloseTo((double) full - alone(model, without, items[j]), within(tolerance));
            }
          }
        }
      }
    }
  }

  private static float alone(ComposedModel model, int[] history, int item) {
    return model.scoreCandidates(List.of(history), new int[][] {{item}})[0][0];
  }

  @Test
  void explanationsAreIdenticalAfterSaveAndLoad(@TempDir Path dir) throws IOException {
    int[] history = {2, 7, 1, 3, 6, 4};
    try (ComposedModel model = model("end", 14)) {
      List<Explanation> before = new OcclusionExplainer(model).recommend(history, 3, history);
      AttentionMaps attention = model.attention(history);
      model.save(dir);
      try (ComposedModel loaded = (ComposedModel) SasRecNetworks.factory().load(dir)) {
        assertThat(new OcclusionExplainer(loaded).recommend(history, 3, history)).isEqualTo(before);
        assertThat(loaded.attention(history)).isEqualTo(attention);
      }
    }
  }
}
