package org.recsys.attention.model;

import org.recsys.api.EncoderScorerRecommender;
import org.recsys.api.Recommender;
import org.recsys.attention.nn.ParameterSet;

/**
 * A composed model's inference on the native kernels over weights it does not own, seeing later changes to them:
 * what validation ranks with, whichever backend trains the weights (both share one layout). Thread-safe.
 */
public final class NativeInference implements AutoCloseable {
  private final ComposedEncoder encoder;
  private final HeadScorer scorer;

  public NativeInference(Architecture architecture, ParameterSet weights) {
    this.encoder = new ComposedEncoder(architecture, weights);
    this.scorer = new HeadScorer(architecture.head().scoring(weights, null));
  }

  /** Recommendations from the last position's state of each history, as a saved model gives them. */
  public Recommender recommender() {
    return new EncoderScorerRecommender<>(encoder, scorer);
  }

  /** Frees the scratch buffers (not the weights). */
  @Override
  public void close() {
    encoder.close();
    scorer.close();
  }
}
