package org.recsys.attention.lstm;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the LSTM-attention model turns a user state into item scores. */
public enum OutputKind {
  /** Dot product with the input item embedding table (weights shared; the state has the embedding size). */
  TIED("tied"),
  /**
   * A separate dense output layer: its own weight row and bias per item. Stored as one table
   * {@code [n + 1, d + 1]} whose last column is the bias, scored against the state with a constant 1 appended.
   */
  DENSE("dense");

  private final String configName;

  OutputKind(String configName) {
    this.configName = configName;
  }

  /** The name used in configs. */
  public String configName() {
    return configName;
  }

  /** The kind with this config name, or empty. */
  public static Optional<OutputKind> find(String name) {
    return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
  }

  /** The valid config names, comma-separated, for error messages. */
  public static String choices() {
    return Arrays.stream(values()).map(OutputKind::configName).collect(Collectors.joining(", "));
  }
}
