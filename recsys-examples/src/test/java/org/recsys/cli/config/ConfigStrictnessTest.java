package org.recsys.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.ModelRegistry;

/** Values that used to mean something else without a word are configuration errors naming the key and source. */
class ConfigStrictnessTest {
  @TempDir Path dir;

  private final ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);

  private Path file(String yaml) throws IOException {
    Path f = dir.resolve("exp.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private Experiment bind(Path file, String... overrides) {
    ConfigLayers layers = ConfigLayers.withDefaults();
    if (file != null) {
      layers.file(file);
    }
    return Experiment.bind(layers.overrides(List.of(overrides)).resolve(), registry);
  }

  @Test
  void nonIntegersForIntegerKeysAreNotTruncated() throws IOException {
    Path f = file("model:\n  type: sasrec\n  hiddenSize: 32.7\n");
    assertThatThrownBy(() -> bind(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'model.hiddenSize' in " + f).hasMessageContaining("expected an integer, got 32.7");
    assertThatThrownBy(() -> bind(null, "model.epochs=1.5")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'model.epochs' in --set").hasMessageContaining("expected an integer, got 1.5");
    assertThatThrownBy(() -> bind(null, "seed=1.5")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("seed must be an integer, got '1.5' in --set");
    assertThatThrownBy(() -> bind(null, "data.synthetic.users=100.5")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'data.synthetic.users'");
    assertThat(bind(null, "model.epochs=3", "seed=7").seed()).isEqualTo(7);
  }

  @Test
  void anEmptyValueIsNotTheDefault() throws IOException {
    assertThatThrownBy(() -> bind(null, "model.epochs=")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("--set model.epochs= has no value")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("model.epochs"));
    Path nothing = file("model:\n  type: sasrec\n  epochs:\n");
    assertThatThrownBy(() -> bind(nothing)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'model.epochs' in " + nothing + ": the value is empty");
    Path tilde = file("model:\n  type: sasrec\n  epochs: ~\n");
    assertThatThrownBy(() -> bind(tilde)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'model.epochs' in " + tilde + " has no value");
    Path empty = file("model:\n  type: sasrec\n  epochs: ''\n");
    assertThatThrownBy(() -> bind(empty)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("'model.epochs' in " + empty).hasMessageContaining("empty");
  }

  @Test
  void aKeyGivenTwiceNamesItsPathAndLine() throws IOException {
    Path f = file("seed: 1\nmodel:\n  type: sasrec\n  epochs: 5\n  epochs: 50\n");
    assertThatThrownBy(() -> bind(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ":5").hasMessageContaining("key 'model.epochs' is given twice")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("model.epochs"));
    Path top = file("seed: 1\nseed: 2\n");
    assertThatThrownBy(() -> bind(top)).hasMessageContaining("key 'seed' is given twice");
  }

  @Test
  void anEmptyConfigFileIsAnError() throws IOException {
    Path f = file("# nothing here yet\n");
    assertThatThrownBy(() -> bind(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("config " + f + " is empty");
  }
}
