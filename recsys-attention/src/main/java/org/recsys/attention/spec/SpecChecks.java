package org.recsys.attention.spec;

import org.recsys.api.ConfigException;

/**
 * Defaults and range checks for spec values. Keys are relative to the record being bound (e.g. {@code heads});
 * the binder that binds it prefixes its path ({@code model.encoder.blocks[0].heads}).
 */
public final class SpecChecks {
  private SpecChecks() {}

  /** {@code value}, or {@code fallback} when it is null. */
  public static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** {@code value} (or {@code fallback}), required to be {@code > 0}. */
  public static int positive(String key, Integer value, int fallback) {
    int v = orDefault(value, fallback);
    if (v <= 0) {
      throw new ConfigException(key, key + " must be > 0, got " + v);
    }
    return v;
  }

  /** {@code value} (or {@code fallback}), required to be {@code >= 0}. */
  public static int nonNegative(String key, Integer value, int fallback) {
    int v = orDefault(value, fallback);
    if (v < 0) {
      throw new ConfigException(key, key + " must be >= 0, got " + v);
    }
    return v;
  }

  /** {@code value} (or {@code fallback}), required to be in {@code [0, 1)}: a rate or a decay. */
  public static double unitInterval(String key, Double value, double fallback) {
    double v = orDefault(value, fallback);
    if (!(v >= 0 && v < 1)) {
      throw new ConfigException(key, key + " must be in [0, 1), got " + v);
    }
    return v;
  }

  /** {@code value} (or {@code fallback}), required to be finite and {@code > 0}. */
  public static double positive(String key, Double value, double fallback) {
    double v = orDefault(value, fallback);
    if (!(v > 0 && Double.isFinite(v))) {
      throw new ConfigException(key, key + " must be > 0, got " + v);
    }
    return v;
  }

  /** {@code value} (or {@code fallback}), required to be finite and {@code >= 0}. */
  public static double nonNegative(String key, Double value, double fallback) {
    double v = orDefault(value, fallback);
    if (!(v >= 0 && Double.isFinite(v))) {
      throw new ConfigException(key, key + " must be >= 0, got " + v);
    }
    return v;
  }

  /** {@code value} (or {@code fallback}), required to be one of {@code choices}. */
  public static String oneOf(String key, String value, String fallback, String... choices) {
    String v = orDefault(value, fallback);
    for (String c : choices) {
      if (c.equals(v)) {
        return v;
      }
    }
    throw new ConfigException(key, "unknown " + key + " '" + v + "'; valid: " + String.join(", ", choices));
  }
}
