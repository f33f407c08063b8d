package org.recsys.api.explain;

/**
 * How much one history item drove a recommended item's score, by occlusion.
 *
 * @param position the item's index in the explained history (0 = oldest)
 * @param item the history item's internal id
 * @param drop the recommended item's score with the full history minus its score with this one history item
 *     left out; positive when the item raised the score, negative when it lowered it
 * @param share {@code max(drop, 0)} divided by the sum of the positive drops of all history items, so the shares
 *     of the items that raised the score sum to 1; 0 for an item that did not raise it, and 0 for every item
 *     when none did
 */
public record Contribution(int position, int item, double drop, double share) {
  public Contribution {
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, got " + position);
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1], got " + share);
    }
  }
}
