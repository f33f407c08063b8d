/**
 * Why a model recommends what it does. {@link org.recsys.api.explain.OcclusionExplainer} works for every
 * {@link org.recsys.api.Recommender}: it measures how much an item's score drops when each history item is left
 * out, scoring all leave-one-out histories in one batched call. Models with attention layers may also implement
 * {@link org.recsys.api.explain.AttentionExplainable} to show the attention weights of the position they score,
 * which say where the model looked, not what caused the score.
 */
package org.recsys.api.explain;
