package org.recsys.attention.train;

import org.recsys.attention.nn.NextItemLoss;

/**
 * The setters of the shared training hyperparameters (see {@link TrainingOptions}) for the models' parameter
 * builders; unset values stay null and take the model's defaults. Changing the loss resets negatives, gbceT,
 * ceExcludesHistory and scoreBias; changing negatives resets scoreBias, whose default depends on them.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class TrainingParamsBuilder<B extends TrainingParamsBuilder<B>> {
  protected Double learningRate;
  protected Double beta1;
  protected Double beta2;
  protected Double l2Embedding;
  protected Integer batchSize;
  protected Integer epochs;
  protected String loss;
  protected Integer negatives;
  protected Double gbceT;
  protected Boolean ceExcludesHistory;
  protected Boolean scoreBias;
  protected Integer validateEvery;
  protected Integer patience;
  protected String metric;
  protected Integer threads;

  protected TrainingParamsBuilder() {}

  protected abstract B self();

  /** Sets every training value from resolved options (negatives left unset for ce, which takes none). */
  public B training(TrainingOptions t) {
    learningRate = t.learningRate();
    beta1 = t.beta1();
    beta2 = t.beta2();
    l2Embedding = t.l2Embedding();
    batchSize = t.batchSize();
    epochs = t.epochs();
    loss = t.loss();
    negatives = t.loss().equals(NextItemLoss.CE.configName()) ? null : t.negatives();
    gbceT = t.gbceT();
    ceExcludesHistory = t.ceExcludesHistory();
    scoreBias = t.scoreBias();
    validateEvery = t.validateEvery();
    patience = t.patience();
    metric = t.metric();
    threads = t.threads();
    return self();
  }

  public B learningRate(double v) {
    learningRate = v;
    return self();
  }

  public B beta1(double v) {
    beta1 = v;
    return self();
  }

  public B beta2(double v) {
    beta2 = v;
    return self();
  }

  public B l2Embedding(double v) {
    l2Embedding = v;
    return self();
  }

  public B batchSize(int v) {
    batchSize = v;
    return self();
  }

  public B epochs(int v) {
    epochs = v;
    return self();
  }

  public B loss(String v) {
    loss = v;
    negatives = null;
    gbceT = null;
    ceExcludesHistory = null;
    scoreBias = null;
    return self();
  }

  public B negatives(int v) {
    negatives = v;
    scoreBias = null;
    return self();
  }

  public B gbceT(double v) {
    gbceT = v;
    return self();
  }

  /** For {@code ce}: leave the user's other items out of the softmax. */
  public B ceExcludesHistory(boolean v) {
    ceExcludesHistory = v;
    return self();
  }

  /** For {@code bce} and {@code gbce}: add a learned constant to every training score. */
  public B scoreBias(boolean v) {
    scoreBias = v;
    return self();
  }

  public B validateEvery(int v) {
    validateEvery = v;
    return self();
  }

  public B patience(int v) {
    patience = v;
    return self();
  }

  public B metric(String v) {
    metric = v;
    return self();
  }

  public B threads(int v) {
    threads = v;
    return self();
  }
}
