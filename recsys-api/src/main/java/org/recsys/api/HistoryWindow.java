package org.recsys.api;

/**
 * A {@link Recommender} whose scores depend only on the most recent {@link #historyWindow()} items of a history
 * (a first-order Markov model reads one, SASRec its {@code maxLen}). Optional: it lets callers skip work on
 * items the model never reads, such as the leave-one-out scoring of an explanation.
 */
public interface HistoryWindow {
  /** How many of a history's most recent items the scores depend on, {@code >= 0}. */
  int historyWindow();
}
