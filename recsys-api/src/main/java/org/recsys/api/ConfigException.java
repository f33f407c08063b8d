package org.recsys.api;

/**
 * A configuration error: an unknown key or type, a missing or invalid value. The message names the key
 * (dotted path), the source it came from and, where it helps, the valid choices.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  public ConfigException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The dotted config key at fault, e.g. {@code model.hiddenSize}. */
  public String key() {
    return key;
  }
}
