package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.recsys.cli.config.ConfigLayers;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.Registries;

/** Every config in configs/ binds: no typo in a shipped config can wait for a user to find it. */
class ShippedConfigsTest {
  private final Registries registry = ComponentModules.injector().getInstance(Registries.class);

  @Test
  void everyShippedConfigBinds() throws IOException {
    List<Path> configs;
    try (Stream<Path> files = Files.list(Path.of("..", "configs"))) {
      configs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(configs).extracting(p -> p.getFileName().toString()).contains("quickstart.yaml", "sasrec-ml1m.yaml",
        "sasrec-ce-ml1m.yaml", "sasrec-ssm-ml1m.yaml", "sasrec-gbce-ml1m.yaml", "lstm-attention-ml1m.yaml",
        "tribuo-ml1m.yaml", "markov-ml1m.yaml", "gru4rec-ml1m.yaml", "bert4rec-ml1m.yaml",
        "caser-ml1m.yaml");
    for (Path config : configs) {
      if (config.getFileName().toString().equals("quickstart.yaml")) {
        var plan = ConfigLayers.withDefaults().file(config).resolve();
        assertThatCode(() -> QuickstartCommand.experiments(plan, registry)).as("%s", config).doesNotThrowAnyException();
      } else {
        assertThatCode(() -> Experiment.bind(ConfigLayers.withDefaults().file(config).resolve(), registry))
            .as("%s", config).doesNotThrowAnyException();
      }
    }
  }
}
