package org.recsys.api;

import java.util.Objects;

/**
 * One user-item event as read from a file, with external ids.
 *
 * @param user external user id
 * @param item external item id
 * @param timestamp event time (any monotone unit); files without times use the line order
 * @param rating explicit rating, or {@link Double#NaN} when the data has none
 */
public record Interaction(String user, String item, long timestamp, double rating) {
  public Interaction {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(item, "item");
  }

  /** True when the event carries an explicit rating. */
  public boolean hasRating() {
    return !Double.isNaN(rating);
  }
}
