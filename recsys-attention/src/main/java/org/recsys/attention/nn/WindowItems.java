package org.recsys.attention.nn;

/**
 * The items of packed training windows, for a loss that leaves each user's own items out of its softmax: window
 * {@code w} holds rows {@code [start[w], start[w + 1])}, whose inputs are {@code items[row]} and whose targets are
 * {@code targets[row]} (0: none). Rows are numbered as in the packed batch the loss is applied to.
 */
public record WindowItems(int[] start, int[] items, int[] targets) {}
