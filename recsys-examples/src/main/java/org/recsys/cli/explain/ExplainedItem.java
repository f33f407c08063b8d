package org.recsys.cli.explain;

import java.util.List;

/**
 * One recommended item.
 *
 * @param rank from 1
 * @param item its id
 * @param title its title, or null
 * @param score the model's score for the history
 * @param drivers the history items by drop, largest first; empty when not explained
 */
public record ExplainedItem(int rank, String item, String title, float score, List<Driver> drivers) {
  public ExplainedItem {
    drivers = List.copyOf(drivers);
  }

  /** The id, and the title after it when there is one. */
  public String label() {
    return title == null ? item : item + " " + title;
  }
}
