package org.recsys.baselines.tribuo;

import java.util.List;
import java.util.Locale;
import org.recsys.api.ConfigException;

/**
 * Parameters of the Tribuo baseline ({@code type: tribuo}): next-item prediction as multi-class
 * classification. Omitted keys take the defaults below; the seed comes from the training context.
 *
 * <p>The defaults were chosen on ML-1M validation (6040 users, 3416 items) to train in about 2.5 minutes of one
 * core: Tribuo 4.3's SGD trainers update a dense labels x features matrix per example, so the cost is
 * examples x labels x active features. Plain SGD touches that matrix half as often as AdaGrad (which also
 * keeps squared gradients) and measured 3.5 times faster per example; so the defaults take one epoch over
 * each user's 25 latest positions. On a small catalogue, more epochs and AdaGrad are affordable.
 *
 * <p>Features of a history (most recent item first): {@code last1=<item>} .. {@code last<L>=<item>} with value
 * 1, and a recency-weighted bag {@code bag=<item>} over the last {@code bagSize} items, where the k-th most
 * recent item weighs {@code bagDecay^(k-1)}. The label is the next item.
 *
 * @param trainer {@code logistic} (default: Tribuo's {@code LinearSGDTrainer} with the multinomial logistic
 *     loss {@code LogMulticlass}) or {@code fm} (Tribuo's {@code FMClassificationTrainer}, a factorisation
 *     machine with the same loss; much slower on large catalogues)
 * @param optimiser {@code sgd} (default, constant rate), {@code adagrad}, {@code adam} or {@code adagrad-rda}
 *     (AdaGrad with regularised dual averaging; the only one that applies {@code l2})
 * @param learningRate the optimiser's (initial) learning rate, {@code > 0}; default 0.3
 * @param l2 L2 penalty, {@code >= 0}; default 0. Tribuo's SGD trainers regularise only through
 *     {@code adagrad-rda}, so a positive value requires that optimiser
 * @param epochs passes over the training examples, {@code >= 1}; default 1
 * @param minibatchSize examples per gradient step, {@code >= 1}; default 1
 * @param lastItems how many most recent items get position-tagged features, {@code >= 1}; default 1 (the bag
 *     already holds the earlier ones; 2 or 3 measured no better on ML-1M and cost more)
 * @param bagSize how many most recent items form the recency-weighted bag, {@code >= 0} (0: no bag); default 12
 * @param bagDecay weight ratio between consecutive bag items, in {@code (0, 1]}; default 0.9
 * @param maxExamplesPerUser training examples per user, {@code >= 0}; 0 takes every position. Default 25, which
 *     keeps ML-1M training within minutes
 * @param examplePositions which positions a capped user contributes: {@code recent} (default, the latest ones)
 *     or {@code random} (uniform without replacement, seeded)
 * @param factors factor size of the {@code fm} trainer, {@code >= 1}; default 8 (ignored by {@code logistic})
 */
public record TribuoParams(String trainer, String optimiser, Double learningRate, Double l2, Integer epochs,
    Integer minibatchSize, Integer lastItems, Integer bagSize, Double bagDecay, Integer maxExamplesPerUser,
    String examplePositions, Integer factors) {
  /** The trainer names. */
  public static final List<String> TRAINERS = List.of("logistic", "fm");
  /** The optimiser names. */
  public static final List<String> OPTIMISERS = List.of("adagrad", "adam", "sgd", "adagrad-rda");
  /** The example position policies. */
  public static final List<String> POSITIONS = List.of("recent", "random");

  public TribuoParams {
    trainer = choice("model.trainer", trainer, "logistic", TRAINERS);
    optimiser = choice("model.optimiser", optimiser, "sgd", OPTIMISERS);
    learningRate = learningRate == null ? 0.3 : learningRate;
    l2 = l2 == null ? 0.0 : l2;
    epochs = epochs == null ? 1 : epochs;
    minibatchSize = minibatchSize == null ? 1 : minibatchSize;
    lastItems = lastItems == null ? 1 : lastItems;
    bagSize = bagSize == null ? 12 : bagSize;
    bagDecay = bagDecay == null ? 0.9 : bagDecay;
    maxExamplesPerUser = maxExamplesPerUser == null ? 25 : maxExamplesPerUser;
    examplePositions = choice("model.examplePositions", examplePositions, "recent", POSITIONS);
    factors = factors == null ? 8 : factors;
    if (!(learningRate > 0) || learningRate.isInfinite()) {
      throw new ConfigException("model.learningRate", "learningRate must be a finite number > 0, got " + learningRate);
    }
    if (!(l2 >= 0) || l2.isInfinite()) {
      throw new ConfigException("model.l2", "l2 must be a finite number >= 0, got " + l2);
    }
    if (l2 > 0 && !optimiser.equals("adagrad-rda")) {
      throw new ConfigException("model.l2", "l2 = " + l2 + " needs optimiser adagrad-rda (Tribuo's SGD trainers"
          + " regularise only through it), but optimiser is " + optimiser);
    }
    atLeast("model.epochs", epochs, 1);
    atLeast("model.minibatchSize", minibatchSize, 1);
    atLeast("model.lastItems", lastItems, 1);
    atLeast("model.bagSize", bagSize, 0);
    atLeast("model.maxExamplesPerUser", maxExamplesPerUser, 0);
    atLeast("model.factors", factors, 1);
    if (!(bagDecay > 0 && bagDecay <= 1)) {
      throw new ConfigException("model.bagDecay", "bagDecay must be in (0, 1], got " + bagDecay);
    }
  }

  /** All defaults. */
  public static TribuoParams defaults() {
    return new TribuoParams(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The history-to-features settings of these parameters. */
  public HistoryFeatures features() {
    return new HistoryFeatures(lastItems, bagSize, bagDecay);
  }

  private static String choice(String key, String value, String fallback, List<String> valid) {
    if (value == null) {
      return fallback;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!valid.contains(v)) {
      throw new ConfigException(key, "unknown " + key.substring(key.indexOf('.') + 1) + " '" + value + "'; valid: "
          + String.join(", ", valid));
    }
    return v;
  }

  private static void atLeast(String key, int value, int min) {
    if (value < min) {
      throw new ConfigException(key, key.substring(key.indexOf('.') + 1) + " must be >= " + min + ", got " + value);
    }
  }
}
