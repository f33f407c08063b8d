package org.recsys.attention.layer;

import java.util.Locale;
import org.recsys.api.ConfigException;

/** How an item embedding learns where in the window each item sits (config {@code positions}). */
public enum Positions {
  /** A learned table {@code [maxLen, d]} (SASRec, BERT4Rec). */
  LEARNED,
  /** Fixed sinusoids of the position (Vaswani et al. 2017); no parameters. */
  SINUSOIDAL,
  /** None: order comes only from the encoder (recurrent encoders). */
  NONE;

  /** The config name. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name, naming {@code key} in the error. */
  public static Positions parse(String key, String value) {
    for (Positions p : values()) {
      if (p.configName().equalsIgnoreCase(value)) {
        return p;
      }
    }
    throw new ConfigException(key, "unknown positions '" + value + "'; valid: learned, sinusoidal, none");
  }
}
