package org.recsys.api;

import java.util.List;
import java.util.Objects;

/**
 * A {@link TrainedModel} whose scoring is an {@link Encoder} paired with its {@link Scorer}: the plumbing every
 * such model shares (type, vocabulary, scoring). Subclasses add what they store and how they save it.
 *
 * @param <S> the states type shared by the encoder and the scorer
 */
public abstract class EncoderScorerModel<S> implements TrainedModel {
  private final String type;
  private final ItemVocabulary vocabulary;
  private final EncoderScorerRecommender<S> recommender;

  /**
   * @throws IllegalArgumentException when the scorer scores another number of items than the vocabulary holds
   */
  protected EncoderScorerModel(String type, ItemVocabulary vocabulary, Encoder<S> encoder, Scorer<S> scorer) {
    this.type = Objects.requireNonNull(type, "type");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    if (scorer.numItems() != vocabulary.size()) {
      throw new IllegalArgumentException("a scorer over " + scorer.numItems() + " items for a vocabulary of "
          + vocabulary.size());
    }
    this.recommender = new EncoderScorerRecommender<>(encoder, scorer);
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final ItemVocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public final int numItems() {
    return vocabulary.size();
  }

  /** Histories to states. */
  public Encoder<S> encoder() {
    return recommender.encoder();
  }

  /** States to scores. */
  public Scorer<S> scorer() {
    return recommender.scorer();
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    return recommender.scoreAll(histories);
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    return recommender.scoreCandidates(histories, candidates);
  }
}
