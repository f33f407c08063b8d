/**
 * The LSTM-attention next-item model ({@code type: lstm-attention}): item embeddings, stacked LSTM layers, causal
 * additive attention over the LSTM states, and dot-product scoring, hand-written on ND4J buffers and trained by
 * the shared {@link org.recsys.attention.train.SequenceTrainer} on every position.
 */
package org.recsys.attention.lstm;
