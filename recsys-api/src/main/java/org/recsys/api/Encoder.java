package org.recsys.api;

import java.util.List;

/**
 * Turns a batch of item-id histories into user states: what each user is about to want.
 *
 * <p>Implementations decide what a state is (a dense vector for SASRec, sparse features for a Tribuo
 * model) and must accept empty histories. A history longer than the encoder's window keeps its most recent
 * items.
 *
 * @param <S> the batch-of-states type this encoder produces and its {@link Scorer} consumes
 */
@FunctionalInterface
public interface Encoder<S> {
  /**
   * Encodes histories of internal item ids, oldest first.
   *
   * @param histories one history per user; no padding ids
   * @return the states of the batch, in the order of {@code histories}
   */
  S encode(List<int[]> histories);
}
