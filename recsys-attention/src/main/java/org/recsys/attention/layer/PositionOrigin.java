package org.recsys.attention.layer;

/**
 * Where learned position embeddings count from, within a window of at most {@code maxLen} items (config key
 * {@code positionOrigin}: {@code end} or {@code start}).
 */
public enum PositionOrigin {
  /**
   * The most recent item sits at position {@code maxLen - 1}, as in Kang and McAuley's SASRec code, which
   * left-pads windows. In training, a prefix of a window is then coded by how far it lies from the window's end,
   * while at inference the history always ends at the last position.
   */
  END,
  /**
   * The window's first item sits at position 0, as in implementations that right-pad (the SASRec+ of Klenitskiy
   * and Vasilev 2023). A prefix gets the same codes in training and at inference, whatever follows it.
   */
  START
}
