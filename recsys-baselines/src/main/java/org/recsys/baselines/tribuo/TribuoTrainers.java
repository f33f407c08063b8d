package org.recsys.baselines.tribuo;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.SGD;

/** Makes the Tribuo trainer that {@link TribuoParams} names. */
public final class TribuoTrainers {
  /** AdaGrad's epsilon, as in Tribuo's own {@code LogisticRegressionTrainer}. */
  static final double ADAGRAD_EPSILON = 0.1;
  /** Initial variance of the factorisation machine's factors. */
  static final double FM_VARIANCE = 0.1;

  private TribuoTrainers() {}

  /**
   * A trainer for {@code params}.
   *
   * @param seed Tribuo's shuffling (and, for {@code fm}, initialisation) seed
   * @param numExamples the training set size, by which {@code adagrad-rda} scales its penalty
   */
  public static Trainer<Label> create(TribuoParams params, long seed, int numExamples) {
    StochasticGradientOptimiser optimiser = optimiser(params, numExamples);
    // loggingInterval -1: Tribuo logs no per-step loss.
    return switch (params.trainer()) {
      case "logistic" -> new LinearSGDTrainer(new LogMulticlass(), optimiser, params.epochs(), -1,
          params.minibatchSize(), seed);
      case "fm" -> new FMClassificationTrainer(new LogMulticlass(), optimiser, params.epochs(), -1,
          params.minibatchSize(), seed, params.factors(), FM_VARIANCE);
      default -> throw new IllegalStateException("unvalidated trainer " + params.trainer());
    };
  }

  static StochasticGradientOptimiser optimiser(TribuoParams params, int numExamples) {
    double lr = params.learningRate();
    return switch (params.optimiser()) {
      case "adagrad" -> new AdaGrad(lr, ADAGRAD_EPSILON);
      case "adam" -> new Adam(lr, 0.9, 0.999, 1e-8);
      case "sgd" -> SGD.getSimpleSGD(lr);
      case "adagrad-rda" -> new AdaGradRDA(lr, ADAGRAD_EPSILON, 0.0, params.l2(), Math.max(1, numExamples));
      default -> throw new IllegalStateException("unvalidated optimiser " + params.optimiser());
    };
  }
}
