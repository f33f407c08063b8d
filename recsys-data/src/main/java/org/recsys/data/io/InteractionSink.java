package org.recsys.data.io;

/** Receives interactions one at a time from a streaming reader, in file order. */
@FunctionalInterface
public interface InteractionSink {
  /** The timestamp passed by formats that carry no time (order is then the file order). */
  long NO_TIME = Long.MIN_VALUE;

  /**
   * One interaction.
   *
   * @param user external user id
   * @param item external item id
   * @param timestamp event time, or {@link #NO_TIME}
   * @param rating explicit rating, or {@link Double#NaN}
   */
  void accept(String user, String item, long timestamp, double rating);
}
