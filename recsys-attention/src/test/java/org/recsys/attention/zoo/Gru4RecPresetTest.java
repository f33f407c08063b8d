package org.recsys.attention.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.preset.Gru4RecPreset;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.testing.PresetParams;

/** The {@code gru4rec} preset: what it expands to, and that it learns with each of its losses. */
class Gru4RecPresetTest {
  private static final Gru4RecPreset PRESET = new Gru4RecPreset(ZooTraining.FACTORY);

  private static Gru4RecPreset.Params params(Object... keysAndValues) {
    return PresetParams.of(Gru4RecPreset.Params.class, keysAndValues);
  }

  private static SequentialSpec spec(Gru4RecPreset.Params p) {
    return (SequentialSpec) PRESET.expand(p).orElseThrow().parameters();
  }

  private static Gru4RecPreset.Params small(String loss, Object... more) {
    Object[] base = {"maxLen", 40, "hiddenSize", 32, "embeddingDropout", 0.1, "learningRate", 0.005,
        "batchSize", 64, "epochs", 10, "validateEvery", 10, "patience", 1, "threads", 1, "loss", loss};
    Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return params(all);
  }

  @Test
  void expandsToAnEmbeddingGruBlocksAndASeparateOutputTableWithBias() {
    SequentialSpec s = spec(params("layers", 2));
    assertThat(s.name()).isEqualTo("gru4rec");
    assertThat(s.encoder().embedding().positions()).isEqualTo("none");
    assertThat(s.encoder().embedding().scale()).isFalse();
    assertThat(s.encoder().finalNorm()).isFalse();
    assertThat(s.encoder().expandedBlocks()).extracting(b -> b.path("type").asText()).containsExactly("gru", "gru");
    JsonNode second = s.encoder().expandedBlocks().get(1);
    assertThat(second.path("inputDropout").asDouble()).isEqualTo(0.25);
    assertThat(s.encoder().expandedBlocks().get(0).path("inputDropout").asDouble()).isZero();
    assertThat(s.head().path("tied").asBoolean()).isFalse();
    assertThat(s.head().path("bias").asBoolean()).isTrue();
    assertThat(s.loss().path("type").asText()).isEqualTo("ce");
    assertThat(s.objective().path("type").asText()).isEqualTo("next-item");
  }

  @Test
  void bprMaxTakesItsRegularisationAndOtherLossesRefuseIt() {
    SequentialSpec s = spec(params("loss", "bpr-max", "negatives", 32, "bprReg", 0.5));
    assertThat(s.loss().path("type").asText()).isEqualTo("bpr-max");
    assertThat(s.loss().path("negatives").asInt()).isEqualTo(32);
    assertThat(s.loss().path("regularization").asDouble()).isEqualTo(0.5);
    assertThatThrownBy(() -> spec(params("loss", "ce", "bprReg", 0.5))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bprReg").hasMessageContaining("bpr-max");
    assertThatThrownBy(() -> PRESET.resolve(params("loss", "bpr-max", "bprReg", -1.0)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.bprReg");
    assertThatThrownBy(() -> spec(params("output", "mlp"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("model.output");
  }

  @Test
  void runsOnTheDl4jBackendButBprMaxHasNoGraphThere() {
    assertThat(PRESET.resolve(params("backend", "dl4j")).spec().backend()).isEqualTo("dl4j");
    assertThatThrownBy(() -> PRESET.resolve(params("backend", "dl4j", "loss", "bpr-max")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("(type bpr-max)")
        .hasMessageContaining("model.backend: native");
  }

  /** Measured with seed 7: HR@10 0.773 against popularity 0.255. */
  @Test
  void learnsTheNextItemWithSoftmaxAndRoundTrips(@TempDir Path dir) throws IOException {
    try (ComposedModel model = ZooTraining.train(PRESET, small("ce"))) {
      ZooTraining.assertBeatsPopularity("gru4rec ce", model, 0.3);
      ZooTraining.assertRoundTrip(model, dir);
    }
  }

  @Test
  @Tag("slow")
  void learnsTheNextItemWithBprMax() {
    try (ComposedModel model = ZooTraining.train(PRESET, small("bpr-max", "negatives", 64))) {
      ZooTraining.assertBeatsPopularity("gru4rec bpr-max", model, 0.3);
    }
  }

  @Test
  @Tag("slow")
  void learnsTheNextItemWithSampledSoftmax() {
    try (ComposedModel model = ZooTraining.train(PRESET, small("sampled-softmax", "negatives", 64))) {
      ZooTraining.assertBeatsPopularity("gru4rec sampled-softmax", model, 0.3);
    }
  }
}
