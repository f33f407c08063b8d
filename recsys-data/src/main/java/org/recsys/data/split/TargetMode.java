package org.recsys.data.split;

import java.util.Locale;
import org.recsys.api.ConfigException;

/** Which items after a temporal cutoff a case asks the model to retrieve. */
public enum TargetMode {
  /** The user's first item after the cutoff (next-item prediction). */
  NEXT,
  /** Every distinct item the user interacted with after the cutoff, in order of first occurrence. */
  ALL;

  /** The config spelling. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the config spelling (case-insensitive).
   *
   * @throws ConfigException naming {@code key} and the valid choices
   */
  public static TargetMode parse(String key, String value) {
    for (TargetMode m : values()) {
      if (m.configName().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    throw new ConfigException(key, "unknown target mode '" + value + "'; valid: next, all");
  }
}
