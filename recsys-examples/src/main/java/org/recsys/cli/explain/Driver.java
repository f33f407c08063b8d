package org.recsys.cli.explain;

/**
 * A history item's part in one recommendation, by occlusion (see {@link org.recsys.api.explain.Contribution}).
 *
 * @param item the history item
 * @param drop the recommendation's score minus its score with this item left out
 * @param share {@code max(drop, 0)} over the sum of the positive drops
 */
public record Driver(HistoryItem item, double drop, double share) {}
