package org.recsys.cli.explain;

/**
 * One id of the history as the user gave it.
 *
 * @param position its place in {@code --history}, from 1
 * @param item the id as given
 * @param title its title, or null when there is none
 * @param known whether the model knows the id (unknown ones are left out of what it scores)
 */
public record HistoryItem(int position, String item, String title, boolean known) {
  /** The id, and the title after it when there is one. */
  public String label() {
    return title == null ? item : item + " " + title;
  }
}
