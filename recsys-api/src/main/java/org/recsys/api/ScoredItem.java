package org.recsys.api;

/**
 * An item with its score, as returned by {@link Recommender#recommend}.
 *
 * @param item internal item id
 * @param score the model's score (higher is better)
 */
public record ScoredItem(int item, float score) {}
