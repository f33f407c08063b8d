/**
 * The training loop shared by the attention models. A model implements
 * {@link org.recsys.attention.train.TrainableNetwork} (forward and backward on a batch of next-item windows, its
 * weights as a {@link org.recsys.attention.nn.ParameterSet}, an inference recommender);
 * {@link org.recsys.attention.train.SequenceTrainer} does the rest: shuffled batches with negatives, Adam,
 * validation, early stopping, best-weight restore, checkpoints and resume, listener callbacks.
 */
package org.recsys.attention.train;
