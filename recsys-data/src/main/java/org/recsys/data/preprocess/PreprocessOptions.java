package org.recsys.data.preprocess;

import org.recsys.api.ConfigException;

/**
 * Preprocessing steps, applied in this order: rating threshold, chronological order, dedupe, k-core. Binds
 * from a config section ({@code data.preprocess}); omitted fields take the defaults, which change nothing
 * but the order.
 *
 * @param ratingThreshold keep interactions rated at least this (implicit feedback from ratings); null = keep
 *     all. Needs data with ratings.
 * @param dedupe {@code none} (default), {@code exact} or {@code first}; see {@link DedupeMode}
 * @param userCore drop users with fewer interactions than this, repeatedly with {@code itemCore} until
 *     stable; 0 (default) = off
 * @param itemCore drop items with fewer interactions than this; 0 (default) = off
 */
public record PreprocessOptions(Double ratingThreshold, String dedupe, Integer userCore, Integer itemCore) {
  public PreprocessOptions {
    dedupe = dedupe == null ? DedupeMode.NONE.configName() : DedupeMode.parse("data.preprocess.dedupe", dedupe)
        .configName();
    userCore = userCore == null ? 0 : userCore;
    itemCore = itemCore == null ? 0 : itemCore;
    if (userCore < 0) {
      throw new ConfigException("data.preprocess.userCore", "userCore must be >= 0 (0 = off), got " + userCore);
    }
    if (itemCore < 0) {
      throw new ConfigException("data.preprocess.itemCore", "itemCore must be >= 0 (0 = off), got " + itemCore);
    }
    if (ratingThreshold != null && !Double.isFinite(ratingThreshold)) {
      throw new ConfigException("data.preprocess.ratingThreshold", "ratingThreshold must be a finite number, got "
          + ratingThreshold);
    }
  }

  /** No filtering: only chronological order. */
  public static PreprocessOptions none() {
    return new PreprocessOptions(null, null, null, null);
  }

  /** Iterative k-core with the same k for users and items. */
  public static PreprocessOptions kCore(int k) {
    return new PreprocessOptions(null, null, k, k);
  }

  /** The dedupe mode. */
  public DedupeMode dedupeMode() {
    return DedupeMode.parse("data.preprocess.dedupe", dedupe);
  }
}
