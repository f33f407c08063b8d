package org.recsys.attention.nn;

/**
 * A batch of user states as dense vectors, one row per user: what the attention encoders produce and
 * the heads score.
 *
 * @param rows one state per user, all of length {@code dim}
 * @param dim the state size
 */
public record DenseStates(float[][] rows, int dim) {
  public DenseStates {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dim) {
        throw new IllegalArgumentException("state " + i + " has " + rows[i].length + " values, expected " + dim);
      }
    }
  }

  public int size() {
    return rows.length;
  }
}
