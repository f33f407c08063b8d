package org.recsys.data.preprocess;

import java.util.Locale;
import org.recsys.api.ConfigException;

/** Which repeated interactions preprocessing removes. */
public enum DedupeMode {
  /** Keep everything. */
  NONE,
  /**
   * Drop exact duplicates: the same user, item and timestamp as an earlier line (the first is kept, whatever
   * the ratings). Without timestamps, an item repeated by the same user on consecutive lines.
   */
  EXACT,
  /** Keep only each user's first interaction with an item (drops repeat consumption). */
  FIRST;

  /** The config spelling. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the config spelling (case-insensitive).
   *
   * @throws ConfigException naming {@code key} and the valid choices
   */
  public static DedupeMode parse(String key, String value) {
    for (DedupeMode m : values()) {
      if (m.configName().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    throw new ConfigException(key, "unknown dedupe mode '" + value + "'; valid: none, exact, first");
  }
}
