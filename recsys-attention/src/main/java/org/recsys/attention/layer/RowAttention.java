package org.recsys.attention.layer;

/**
 * The attention weights of one sequence's last row in one head of an attending layer, over that sequence's rows.
 *
 * @param layer the attending layer's name
 * @param kind what the weights are ({@code self-attention}, {@code attention-pooling})
 * @param head the head, from 0
 * @param weights one per row of the sequence, oldest first
 */
public record RowAttention(String layer, String kind, int head, float[] weights) {}
