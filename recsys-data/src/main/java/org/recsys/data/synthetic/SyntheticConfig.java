package org.recsys.data.synthetic;

import org.recsys.api.ConfigException;

/**
 * Sizes and knobs of the synthetic data set made by {@link SyntheticGenerator}. Every field may be omitted
 * (null) in a config file; the compact constructor fills in the {@link #defaults()} value and validates.
 *
 * <p>The planted structure: items are split into {@code clusters}; each user has one of {@code styles}
 * latent tastes. At each step the next item is, with probability {@code noise}, a popular item; with
 * probability {@code transition}, one of the {@code successors} items that follow the last item under the
 * user's style; otherwise a popular item of the cluster that the style's cluster chain moves to. Because the
 * successors depend on the style, a model that reads more than the last item (and infers the style) beats a
 * first-order Markov model, which in turn beats popularity by a wide margin.
 *
 * @param users number of users
 * @param items number of items
 * @param clusters number of item clusters
 * @param styles number of latent user tastes; each has its own cluster chain and item successors
 * @param successors item-level successors per item and style
 * @param minLength shortest user sequence
 * @param maxLength longest user sequence (lengths are skewed towards short ones)
 * @param noise probability that a step ignores the structure and picks a globally popular item
 * @param transition probability that a step follows the item-level successors of the last item
 * @param popularitySkew Zipf exponent of item popularity (0 = uniform)
 * @param seed seed of every random choice; the same config always gives the same data set
 */
public record SyntheticConfig(Integer users, Integer items, Integer clusters, Integer styles, Integer successors,
    Integer minLength, Integer maxLength, Double noise, Double transition, Double popularitySkew, Long seed) {

  public SyntheticConfig {
    users = users == null ? 2000 : users;
    items = items == null ? 500 : items;
    clusters = clusters == null ? 20 : clusters;
    styles = styles == null ? 4 : styles;
    successors = successors == null ? 5 : successors;
    minLength = minLength == null ? 20 : minLength;
    maxLength = maxLength == null ? 100 : maxLength;
    noise = noise == null ? 0.1 : noise;
    transition = transition == null ? 0.7 : transition;
    popularitySkew = popularitySkew == null ? 0.8 : popularitySkew;
    seed = seed == null ? 42L : seed;
    positive("data.synthetic.users", users);
    positive("data.synthetic.clusters", clusters);
    positive("data.synthetic.styles", styles);
    positive("data.synthetic.successors", successors);
    if (items < 2 * clusters) {
      throw new ConfigException("data.synthetic.items", "items must be at least 2 x clusters (" + 2 * clusters
          + "), got " + items);
    }
    if (minLength < 3) {
      throw new ConfigException("data.synthetic.minLength", "minLength must be >= 3 (leave-one-out needs 3), got "
          + minLength);
    }
    if (maxLength < minLength) {
      throw new ConfigException("data.synthetic.maxLength", "maxLength must be >= minLength (" + minLength + "), got "
          + maxLength);
    }
    if (maxLength > items) {
      throw new ConfigException("data.synthetic.maxLength", "maxLength must be <= items (" + items
          + ") because a user never repeats an item, got " + maxLength);
    }
    probability("data.synthetic.noise", noise);
    probability("data.synthetic.transition", transition);
    if (noise + transition > 1.0) {
      throw new ConfigException("data.synthetic.transition", "noise + transition must be <= 1, got " + (noise + transition));
    }
    if (!(popularitySkew >= 0.0) || popularitySkew > 5.0) {
      throw new ConfigException("data.synthetic.popularitySkew", "popularitySkew must be in [0, 5], got " + popularitySkew);
    }
  }

  /** Quick-start size: 2000 users x 500 items, sequences of 20..100 items (about 90k interactions). */
  public static SyntheticConfig defaults() {
    return new SyntheticConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Unit-test size: 300 users x 60 items, 6 clusters, 3 styles, sequences of 8..24 items (about 4k interactions). */
  public static SyntheticConfig tiny() {
    return new SyntheticConfig(300, 60, 6, 3, 3, 8, 24, null, 0.75, 0.3, null);
  }

  /** This config with another seed. */
  public SyntheticConfig withSeed(long newSeed) {
    return new SyntheticConfig(users, items, clusters, styles, successors, minLength, maxLength, noise, transition,
        popularitySkew, newSeed);
  }

  /** This config with other sizes (users, items, sequence lengths); the structure knobs are kept. */
  public SyntheticConfig withSize(int newUsers, int newItems, int newMinLength, int newMaxLength) {
    return new SyntheticConfig(newUsers, newItems, clusters, styles, successors, newMinLength, newMaxLength, noise,
        transition, popularitySkew, seed);
  }

  private static void positive(String key, int v) {
    if (v <= 0) {
      throw new ConfigException(key, key.substring(key.lastIndexOf('.') + 1) + " must be > 0, got " + v);
    }
  }

  private static void probability(String key, double v) {
    if (!(v >= 0.0 && v <= 1.0)) {
      throw new ConfigException(key, key.substring(key.lastIndexOf('.') + 1) + " must be in [0, 1], got " + v);
    }
  }
}
