/**
 * Baselines every attention model must beat: popularity ({@code pop}), a first-order Markov chain
 * ({@code markov}) and a Tribuo classifier over history features ({@code tribuo}). Each is a
 * {@link org.recsys.api.TrainedModel} with a {@link org.recsys.api.ModelFactory}, a parameters record and a
 * Guice module listed in {@code META-INF/services/com.google.inject.Module}. Saved directories hold
 * the vocabulary and the model's state, sealed by {@link org.recsys.store.ModelDirectory}.
 */
package org.recsys.baselines;
