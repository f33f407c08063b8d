package org.recsys.data.split;

import org.recsys.api.ConfigException;

/**
 * How to split, as bound from a config section ({@code data.split}). Omitted fields take defaults.
 *
 * @param type {@code leave-one-out} (default) or {@code temporal}
 * @param shortUsers leave-one-out: {@code train-only} (default) or {@code drop}, see {@link ShortUserPolicy}
 * @param cutoff temporal: the test cutoff timestamp; null to use {@code quantile}
 * @param quantile temporal: share of interactions before the test cutoff, in (0, 1); default 0.9
 * @param validationFraction temporal: latest share of the training period used for validation, in [0, 1);
 *     default 0.1
 * @param targets temporal: {@code next} (default) or {@code all}, see {@link TargetMode}
 */
public record SplitOptions(String type, String shortUsers, Long cutoff, Double quantile, Double validationFraction,
    String targets) {
  /** The split types' config names. */
  public static final String LEAVE_ONE_OUT = "leave-one-out";
  public static final String TEMPORAL = "temporal";

  public SplitOptions {
    type = type == null ? LEAVE_ONE_OUT : type.trim().toLowerCase(java.util.Locale.ROOT);
    if (!type.equals(LEAVE_ONE_OUT) && !type.equals(TEMPORAL)) {
      throw new ConfigException("data.split.type", "unknown split type '" + type + "'; valid: leave-one-out, temporal");
    }
    shortUsers = shortUsers == null ? ShortUserPolicy.TRAIN_ONLY.configName()
        : ShortUserPolicy.parse("data.split.shortUsers", shortUsers).configName();
    quantile = quantile == null ? 0.9 : quantile;
    validationFraction = validationFraction == null ? 0.1 : validationFraction;
    targets = targets == null ? TargetMode.NEXT.configName() : TargetMode.parse("data.split.targets", targets)
        .configName();
    if (!(quantile > 0 && quantile < 1)) {
      throw new ConfigException("data.split.quantile", "quantile must be in (0, 1), got " + quantile);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new ConfigException("data.split.validationFraction", "validationFraction must be in [0, 1), got "
          + validationFraction);
    }
  }

  /** The SASRec leave-one-out split with short users kept for training. */
  public static SplitOptions leaveOneOut() {
    return new SplitOptions(null, null, null, null, null, null);
  }

  /** A temporal split at a quantile of the interaction times. */
  public static SplitOptions temporal(double quantile, double validationFraction) {
    return new SplitOptions(TEMPORAL, null, null, quantile, validationFraction, null);
  }

  /** The splitter these options describe. */
  public Splitter splitter() {
    if (type.equals(TEMPORAL)) {
      return new TemporalSplitter(cutoff, quantile, validationFraction, TargetMode.parse("data.split.targets",
          targets));
    }
    return new LeaveOneOutSplitter(ShortUserPolicy.parse("data.split.shortUsers", shortUsers));
  }
}
