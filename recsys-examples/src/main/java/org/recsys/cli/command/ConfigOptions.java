package org.recsys.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recsys.cli.config.ConfigLayers;
import org.recsys.cli.config.ResolvedConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set key=value} for commands that read an experiment config. */
public final class ConfigOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Experiment config (YAML or JSON).")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a config value, e.g. --set model.hiddenSize=64 (repeatable).")
  List<String> overrides = new ArrayList<>();

  /** The config file, or null. */
  public Path file() {
    return config;
  }

  /** Defaults &lt; file &lt; overrides. */
  public ResolvedConfig resolve() {
    return resolve(List.of(), ConfigLayers.OVERRIDES);
  }

  /** Defaults &lt; file &lt; overrides &lt; {@code extra} overrides, which errors say come from {@code extraOrigin}. */
  public ResolvedConfig resolve(List<String> extra, String extraOrigin) {
    ConfigLayers layers = ConfigLayers.withDefaults();
    if (config != null) {
      layers.file(config);
    }
    return layers.overrides(overrides).overrides(extra, extraOrigin).resolve();
  }
}
