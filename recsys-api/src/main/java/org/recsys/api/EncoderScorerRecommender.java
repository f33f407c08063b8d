package org.recsys.api;

import java.util.List;
import java.util.Objects;

/**
 * A {@link Recommender} made of an {@link Encoder} and the {@link Scorer} that reads its states. Scores that are
 * NaN or +infinity are a {@link NonFiniteScoreException}, never ranked.
 *
 * @param <S> the states type shared by the pair
 */
public final class EncoderScorerRecommender<S> implements Recommender {
  private final Encoder<S> encoder;
  private final Scorer<S> scorer;

  public EncoderScorerRecommender(Encoder<S> encoder, Scorer<S> scorer) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  public Encoder<S> encoder() {
    return encoder;
  }

  public Scorer<S> scorer() {
    return scorer;
  }

  @Override
  public int numItems() {
    return scorer.numItems();
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    return NonFiniteScoreException.requireFiniteAll(scorer.scoreAll(encoder.encode(histories)));
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    if (candidates.length != histories.size()) {
      throw new IllegalArgumentException(histories.size() + " histories but " + candidates.length + " candidate sets");
    }
    return NonFiniteScoreException.requireFiniteCandidates(scorer.scoreCandidates(encoder.encode(histories),
        candidates), candidates);
  }
}
