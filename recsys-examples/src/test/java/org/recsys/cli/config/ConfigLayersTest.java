package org.recsys.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;

class ConfigLayersTest {
  @TempDir Path dir;

  @Test
  void fileOverridesDefaultsAndSetOverridesFile() throws IOException {
    Path file = dir.resolve("exp.yaml");
    Files.writeString(file, """
        seed: 7
        model:
          type: sasrec
          hiddenSize: 64
          blocks: 2
        evaluation:
          ks: [10]
        """);
    ResolvedConfig c = ConfigLayers.withDefaults().file(file)
        .overrides(List.of("model.hiddenSize=32", "evaluation.ks=[5, 10]", "model.loss={type: ce}")).resolve();
    assertThat(c.at("seed").asLong()).isEqualTo(7);
    assertThat(c.at("model.hiddenSize").asInt()).isEqualTo(32);
    assertThat(c.at("model.blocks").asInt()).isEqualTo(2);
    assertThat(c.at("model.loss.type").asText()).isEqualTo("ce");
    assertThat(c.at("evaluation.ks").toString()).isEqualTo("[5,10]");
    assertThat(c.at("evaluation.protocol").asText()).isEqualTo("full"); // from the built-in defaults
    assertThat(c.originOf("seed")).isEqualTo(file.toString());
    assertThat(c.originOf("model.hiddenSize")).isEqualTo("--set");
    assertThat(c.originOf("evaluation.protocol")).isEqualTo("defaults");
  }

  @Test
  void setReplacesAWholeSection() throws IOException {
    Path file = dir.resolve("exp.yaml");
    Files.writeString(file, "model:\n  type: sasrec\n  maxLen: 50\n");
    ResolvedConfig c = ConfigLayers.withDefaults().file(file).overrides(List.of("model={type: markov}")).resolve();
    assertThat(c.at("model").toString()).isEqualTo("{\"type\":\"markov\"}");
    assertThat(c.origins()).doesNotContainKey("model.maxLen");
  }

  @Test
  void jsonFilesWorkToo() throws IOException {
    Path file = dir.resolve("exp.json");
    Files.writeString(file, "{\"model\": {\"type\": \"pop\"}, \"seed\": 3}");
    ResolvedConfig c = ConfigLayers.withDefaults().file(file).resolve();
    assertThat(c.at("model.type").asText()).isEqualTo("pop");
    assertThat(c.at("seed").asInt()).isEqualTo(3);
  }

  @Test
  void scalarOverrideReplacesAWholeSection() {
    ResolvedConfig c = ConfigLayers.empty().overrides(List.of("a.b.c=1", "a.b=2", "x=hello world")).resolve();
    assertThat(c.at("a.b").asInt()).isEqualTo(2);
    assertThat(c.at("x").asText()).isEqualTo("hello world");
    assertThat(c.origins()).doesNotContainKey("a.b.c");
  }

  @Test
  void anIndexedKeyChangesOneEntryOfAList() throws IOException {
    Path file = dir.resolve("blocks.yaml");
    Files.writeString(file, """
        model:
          encoder:
            blocks: [{type: transformer, heads: 1}, {type: gru}]
        """);
    ResolvedConfig c = ConfigLayers.empty().file(file).overrides(List.of("model.encoder.blocks[0].heads=2",
        "model.encoder.blocks[1]={type: lstm, hiddenSize: 8}")).resolve();
    JsonNode blocks = c.at("model.encoder").path("blocks");
    assertThat(blocks.get(0).path("heads").asInt()).isEqualTo(2);
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("transformer");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("lstm");
    assertThat(blocks.get(1).has("heads")).isFalse();
    assertThat(c.origins()).containsEntry("model.encoder.blocks[0].heads", "--set");
    // Before: the entry became a key named "blocks[0]" beside the list, which the binder then reported as unknown.
    assertThat(c.at("model.encoder").has("blocks[0]")).isFalse();
  }

  @Test
  void anIndexOutsideTheListOrIntoANonListIsRefusedNamingThePath() throws IOException {
    Path file = dir.resolve("blocks.yaml");
    Files.writeString(file, "model:\n  encoder:\n    blocks: [{type: gru}]\n    init: xavier\n");
    ConfigLayers layers = ConfigLayers.empty().file(file);
    assertThatThrownBy(() -> layers.overrides(List.of("model.encoder.blocks[3].hiddenSize=8")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.encoder.blocks has 1 entry");
    assertThatThrownBy(() -> layers.overrides(List.of("model.encoder.init[0]=normal")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.encoder.init is not a list");
    assertThatThrownBy(() -> layers.overrides(List.of("model.decoder.blocks[0].heads=2")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.decoder.blocks is not a list");
  }

  @Test
  void badInputsNameTheirSource() throws IOException {
    assertThatThrownBy(() -> ConfigLayers.empty().file(dir.resolve("missing.yaml")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not found").hasMessageContaining("missing.yaml");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "model:\n  type: [sasrec\n");
    assertThatThrownBy(() -> ConfigLayers.empty().file(broken)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("broken.yaml:");
    Path list = dir.resolve("list.yaml");
    Files.writeString(list, "- a\n- b\n");
    assertThatThrownBy(() -> ConfigLayers.empty().file(list)).hasMessageContaining("mapping");
    assertThatThrownBy(() -> ConfigLayers.empty().overrides(List.of("novalue"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("key.path=value");
  }

  @Test
  void resolvedConfigIsACopy() {
    ResolvedConfig c = ConfigLayers.empty().overrides(List.of("a=1")).resolve();
    c.tree().put("a", 2);
    assertThat(c.at("a").asInt()).isEqualTo(1);
  }
}
