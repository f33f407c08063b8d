package org.recsys.attention.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.recsys.api.ConfigException;

/**
 * Defaulting and range checks for the flat {@code model.*} config keys of the sequence models; each failure is a
 * {@link ConfigException} naming {@code model.<key>}.
 */
public final class ParamChecks {
  private ParamChecks() {}

  /** {@code value}, or {@code fallback} when it is null. */
  public static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** {@code value} (or {@code fallback}), required to be {@code > 0}. */
  public static int positive(String key, Integer value, int fallback) {
    int v = orDefault(value, fallback);
    if (v <= 0) {
      throw new ConfigException("model." + key, key + " must be > 0, got " + v);
    }
    return v;
  }

  /** {@code value} (or {@code fallback}), required to be in {@code [0, 1)}: a rate or a decay. */
  public static double unitInterval(String key, Double value, double fallback) {
    double v = orDefault(value, fallback);
    if (!(v >= 0 && v < 1)) {
      throw new ConfigException("model." + key, key + " must be in [0, 1), got " + v);
    }
    return v;
  }

  /** The config name of an enum constant: its name in lower case ({@code START} is {@code start}). */
  public static String configName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant of {@code type} whose {@link #configName} is {@code value} (or {@code fallback} when it is null).
   *
   * @throws ConfigException naming {@code model.<key>} and the valid names when none matches
   */
  public static <E extends Enum<E>> E choice(String key, Class<E> type, String value, E fallback) {
    if (value == null) {
      return fallback;
    }
    E[] all = type.getEnumConstants();
    return Arrays.stream(all).filter(c -> configName(c).equals(value)).findFirst()
        .orElseThrow(() -> new ConfigException("model." + key, "unknown " + key + " '" + value + "'; valid: "
            + Arrays.stream(all).map(ParamChecks::configName).collect(Collectors.joining(", "))));
  }
}
