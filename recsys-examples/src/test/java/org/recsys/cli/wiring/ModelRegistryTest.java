package org.recsys.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.UserSequence;
import org.recsys.cli.config.ConfigLayers;
import org.recsys.cli.config.ResolvedConfig;
import org.recsys.cli.testplugin.RecencyModelFactory;

class ModelRegistryTest {
  @TempDir Path dir;
  private final ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);

  private ResolvedConfig config(String yaml) throws IOException {
    Path file = dir.resolve("exp.yaml");
    Files.writeString(file, yaml);
    return ConfigLayers.empty().file(file).resolve();
  }

  @Test
  void aComponentOnTheClassPathIsFoundByNameAndTrains() throws IOException {
    assertThat(registry.names()).contains("test-recency");
    ConfiguredModel m = registry.configure(config("model:\n  type: test-recency\n  decay: 0.25\n"), "model");
    assertThat(m.parameters()).isEqualTo(new RecencyModelFactory.Params(0.25));
    SequenceDataset data = new SequenceDataset(ItemVocabulary.of(List.of("a", "b", "c")), List.of(UserSequence.of("u", 1, 2)));
    TrainedModel model = m.trainer().train(new TrainingData(data, List.of()), TrainingContext.ofSeed(1));
    assertThat(model.scoreAll(List.of(new int[] {1, 2}))[0]).containsExactly(Float.NEGATIVE_INFINITY, 0.25f, 1f, 0f);
    model.save(dir.resolve("m"));
    TrainedModel loaded = m.factory().load(dir.resolve("m"));
    assertThat(loaded.scoreAll(List.of(new int[] {3, 1}))).isDeepEqualTo(model.scoreAll(List.of(new int[] {3, 1})));
  }

  @Test
  void defaultsApplyToOmittedKeys() throws IOException {
    ConfiguredModel m = registry.configure(config("model:\n  type: test-recency\n"), "model");
    assertThat(m.parameters()).isEqualTo(new RecencyModelFactory.Params(0.5));
  }

  @Test
  void unknownKeyNamesTheKeyTheFileAndTheValidKeys() throws IOException {
    ResolvedConfig c = config("model:\n  type: test-recency\n  decya: 0.3\n");
    assertThatThrownBy(() -> registry.configure(c, "model")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'model.decya'").hasMessageContaining("exp.yaml")
        .hasMessageContaining("valid keys: [decay, failTraining, type]")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("model.decya");
  }

  @Test
  void unknownTypeNamesTheValidChoices() throws IOException {
    ResolvedConfig c = config("model:\n  type: sasrek\n");
    assertThatThrownBy(() -> registry.configure(c, "model")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown model type 'sasrek'").hasMessageContaining("exp.yaml")
        .hasMessageContaining("test-recency");
    assertThatThrownBy(() -> registry.configure(config("model: {}\n"), "model"))
        .hasMessageContaining("missing 'model.type'");
  }

  @Test
  void invalidValuesNameTheKey() throws IOException {
    assertThatThrownBy(() -> registry.configure(config("model:\n  type: test-recency\n  decay: 3\n"), "model"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("decay must be in (0, 1]")
        .hasMessageContaining("model.decay");
    assertThatThrownBy(() -> registry.configure(config("model:\n  type: test-recency\n  decay: lots\n"), "model"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.decay");
  }

  @Test
  void overridesAreNamedAsTheirSource() {
    ResolvedConfig c = ConfigLayers.empty().overrides(List.of("model.type=test-recency", "model.speed=9")).resolve();
    assertThatThrownBy(() -> registry.configure(c, "model")).hasMessageContaining("unknown key 'model.speed' in --set");
  }
}
