package org.recsys.attention.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.preset.Bert4RecPreset;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.testing.PresetParams;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;

/** The {@code bert4rec} preset: what it expands to, that it learns, and that a masked item never leaks. */
class Bert4RecPresetTest {
  private static final Bert4RecPreset PRESET = new Bert4RecPreset(ZooTraining.FACTORY);

  private static Bert4RecPreset.Params params(Object... keysAndValues) {
    return PresetParams.of(Bert4RecPreset.Params.class, keysAndValues);
  }

  private static SequentialSpec spec(Bert4RecPreset.Params p) {
    return (SequentialSpec) PRESET.expand(p).orElseThrow().parameters();
  }

  private static Bert4RecPreset.Params small() {
    return params("maxLen", 20, "hiddenSize", 32, "blocks", 1, "heads", 2, "dropout", 0.0, "maskProbability", 0.4,
        "init", "xavier", "learningRate", 0.01, "batchSize", 64, "epochs", 40, "validateEvery", 40, "patience", 1,
        "threads", 1);
  }

  @Test
  void expandsToABidirectionalPostLnGeluEncoderWithTheClozeObjective() {
    SequentialSpec s = spec(params());
    assertThat(s.name()).isEqualTo("bert4rec");
    assertThat(s.maxLen()).isEqualTo(200);
    assertThat(s.encoder().embedding().hiddenSize()).isEqualTo(64);
    assertThat(s.encoder().embedding().positions()).isEqualTo("learned");
    assertThat(s.encoder().embedding().scale()).isFalse();
    assertThat(s.encoder().embedding().norm()).as("BERT's embedding layer norm").isTrue();
    assertThat(s.encoder().finalNorm()).isFalse();
    assertThat(s.encoder().init()).isEqualTo("normal");
    assertThat(s.encoder().expandedBlocks()).hasSize(2);
    JsonNode block = s.encoder().expandedBlocks().get(0);
    assertThat(block.path("attention").asText()).isEqualTo("bidirectional");
    assertThat(block.path("layout").asText()).isEqualTo("post-ln");
    assertThat(block.path("activation").asText()).isEqualTo("gelu");
    assertThat(block.path("inner").asInt()).isEqualTo(256);
    assertThat(block.path("heads").asInt()).isEqualTo(2);
    assertThat(block.path("dropout").asDouble()).isEqualTo(0.1);
    assertThat(s.head().path("tied").asBoolean()).isTrue();
    assertThat(s.head().path("bias").asBoolean()).as("output bias").isTrue();
    assertThat(s.loss().path("type").asText()).isEqualTo("ce");
    assertThat(s.objective().path("type").asText()).isEqualTo("masked-item");
    assertThat(s.objective().path("maskProbability").asDouble()).isEqualTo(0.2);
  }

  @Test
  void runsOnEitherBackend() {
    assertThat(PRESET.resolve(params()).spec().backend()).isEqualTo("native");
    assertThat(PRESET.resolve(params("backend", "dl4j")).spec().backend()).isEqualTo("dl4j");
  }

  @Test
  void badKeysAreNamed() {
    assertThatThrownBy(() -> spec(params("loss", "bce"))).isInstanceOf(ConfigException.class)
        .extracting("key").isEqualTo("model.loss");
    assertThatThrownBy(() -> spec(params("hiddenSize", 30, "heads", 4))).isInstanceOf(ConfigException.class)
        .extracting("key").isEqualTo("model.heads");
    assertThatThrownBy(() -> PRESET.resolve(params("maskProbability", 1.0))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("maskProbability");
  }

  /**
   * The true item under a mask is only a target: two windows that differ only there give the network the same
   * input, so the same forward pass and loss against the same targets.
   */
  @Test
  void aMaskedPositionsTrueItemChangesNoOutput() {
    int items = ZooTraining.SPLIT.train().numItems();
    Architecture architecture = PRESET.resolve(params("maxLen", 12, "hiddenSize", 16, "blocks", 2, "heads", 2,
        "maskProbability", 0.3)).architecture(items);
    int len = 12;
    int[] window = new int[len];
    for (int t = 2; t < len; t++) {
      window[t] = 1 + (t * 7) % items;
    }
    TrainingBatch windows = new TrainingBatch(1, len, window.clone(), window.clone(), new int[0], 0);
    TrainingBatch prepared = architecture.objective().prepare(windows, items, 5);
    int masked = -1;
    for (int t = 0; t < len; t++) {
      if (prepared.targets()[t] != 0) {
        masked = t;
        assertThat(prepared.inputs()[t]).as("position %d's input", t).isEqualTo(items + 1);
      }
    }
    assertThat(masked).as("a masked position").isNotNegative();
    int[] changed = window.clone();
    changed[masked] = changed[masked] % items + 1;
    TrainingBatch other = architecture.objective().prepare(new TrainingBatch(1, len, changed.clone(),
        changed.clone(), new int[0], 0), items, 5);
    assertThat(other.inputs()).isEqualTo(prepared.inputs());
    assertThat(other.targets()[masked]).isNotEqualTo(prepared.targets()[masked]);
    try (ComposedNetwork network = ComposedNetwork.create(architecture, 3, 1)) {
      float[][] states = network.outputs(packed(prepared.inputs(), prepared.targets(), items));
      assertThat(network.outputs(packed(other.inputs(), other.targets(), items))).isDeepEqualTo(states);
      // The check can see a leak: with the true item in place of the mask, the states change.
      int[] leaked = prepared.inputs().clone();
      leaked[masked] = changed[masked];
      assertThat(network.outputs(packed(leaked, prepared.targets(), items))[masked - 2])
          .isNotEqualTo(states[masked - 2]);
    }
  }

  private static PackedSequences packed(int[] inputs, int[] targets, int items) {
    return PackedSequences.fromWindows(1, inputs.length, inputs, targets, new int[0], 0, items, 1);
  }

  @Test
  void inferenceScoresAMaskAppendedToTheHistory() {
    int items = 9;
    int[] input = PRESET.resolve(small()).architecture(items).objective().inferenceInput(new int[] {3, 4, 5}, 20,
        items);
    assertThat(input).containsExactly(3, 4, 5, items + 1);
    int[] longHistory = new int[30];
    Arrays.fill(longHistory, 2);
    assertThat(PRESET.resolve(small()).architecture(items).objective().inferenceInput(longHistory, 20, items))
        .hasSize(20).endsWith(items + 1);
  }

  /** About 12 s on two cores. */
  @Test
  @Tag("slow")
  void learnsMaskedItemsAndRoundTrips(@TempDir Path dir) throws IOException {
    try (ComposedModel model = ZooTraining.train(PRESET, small())) {
      ZooTraining.assertBeatsPopularity("bert4rec", model, 0.2);
      ZooTraining.assertRoundTrip(model, dir);
    }
  }
}
