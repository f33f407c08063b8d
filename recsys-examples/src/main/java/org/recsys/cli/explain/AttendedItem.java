package org.recsys.cli.explain;

/**
 * The weight one attention head put on one window slot the model saw.
 *
 * @param item the history item in the slot, or null for a token the model adds itself (a mask)
 * @param weight the attention weight
 */
public record AttendedItem(HistoryItem item, float weight) {
  /** The slot's history item, or what the model added. */
  public String label() {
    return item == null ? "(the model's own token)" : item.label();
  }
}
