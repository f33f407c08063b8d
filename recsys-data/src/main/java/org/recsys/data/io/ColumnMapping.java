package org.recsys.data.io;

/**
 * Which named columns of a file with a header hold the user, item, timestamp and rating. Any field may be
 * null: the format's default is used ({@link #orDefaults}); a null {@code timestamp} after defaults means the
 * file's order is the time order, a null {@code rating} that there are no ratings.
 *
 * @param user the user id column
 * @param item the item id column
 * @param timestamp the event time column (epoch numbers or ISO-8601 date-times)
 * @param rating the rating column
 */
public record ColumnMapping(String user, String item, String timestamp, String rating) {
  /** The defaults of generic CSV/TSV files: {@code user, item, timestamp}, no rating. */
  public static final ColumnMapping CSV_DEFAULTS = new ColumnMapping("user", "item", "timestamp", null);
  /** The defaults of RecBole atomic files: {@code user_id, item_id, timestamp, rating}. */
  public static final ColumnMapping RECBOLE_DEFAULTS = new ColumnMapping("user_id", "item_id", "timestamp", "rating");

  /** This mapping with null fields taken from {@code defaults}. */
  public ColumnMapping orDefaults(ColumnMapping defaults) {
    return new ColumnMapping(user != null ? user : defaults.user, item != null ? item : defaults.item,
        timestamp != null ? timestamp : defaults.timestamp, rating != null ? rating : defaults.rating);
  }
}
