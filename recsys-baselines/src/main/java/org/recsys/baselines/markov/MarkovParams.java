package org.recsys.baselines.markov;

import org.recsys.api.ConfigException;

/**
 * Parameters of the first-order Markov baseline ({@code type: markov}). For a history whose last item is
 * {@code i}, item {@code j} scores
 * <pre>
 *   (1 - popularityWeight) * (c(i, j) + smoothing) / (c(i) + smoothing * n) + popularityWeight * pop(j)
 * </pre>
 * where {@code c(i, j)} counts training transitions {@code i -> j}, {@code c(i)} all transitions out of
 * {@code i}, {@code n} the number of items and {@code pop(j)} the share of training interactions that are
 * {@code j}. A history that is empty, or whose last item was never followed by anything in training, backs off
 * to {@code pop(j)}.
 *
 * @param smoothing additive (Laplace) smoothing of the transition counts, {@code >= 0}; default 0
 * @param popularityWeight interpolation weight of popularity, in {@code [0, 1]}; default 0.1, so that items
 *     never seen after {@code i} are still ordered by popularity
 */
public record MarkovParams(Double smoothing, Double popularityWeight) {
  public MarkovParams {
    smoothing = smoothing == null ? 0.0 : smoothing;
    popularityWeight = popularityWeight == null ? 0.1 : popularityWeight;
    if (!(smoothing >= 0.0) || smoothing.isInfinite()) {
      throw new ConfigException("model.smoothing", "smoothing must be a finite number >= 0, got " + smoothing);
    }
    if (!(popularityWeight >= 0.0 && popularityWeight <= 1.0)) {
      throw new ConfigException("model.popularityWeight", "popularityWeight must be in [0, 1], got "
          + popularityWeight);
    }
  }

  /** The defaults: no smoothing, popularity weight 0.1. */
  public static MarkovParams defaults() {
    return new MarkovParams(null, null);
  }
}
