package org.recsys.data.split;

import java.util.Locale;
import org.recsys.api.ConfigException;

/** What a split does with users whose sequences are too short to give evaluation cases. */
public enum ShortUserPolicy {
  /** Keep all their items in training; they get no evaluation case (SASRec's choice). */
  TRAIN_ONLY,
  /** Leave them out of training and evaluation. */
  DROP;

  /** The config spelling: {@code train-only} or {@code drop}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses the config spelling (case-insensitive, {@code _} or {@code -}).
   *
   * @throws ConfigException naming {@code key} and the valid choices
   */
  public static ShortUserPolicy parse(String key, String value) {
    for (ShortUserPolicy p : values()) {
      if (p.configName().equalsIgnoreCase(value.replace('_', '-'))) {
        return p;
      }
    }
    throw new ConfigException(key, "unknown short-user policy '" + value + "'; valid: train-only, drop");
  }
}
