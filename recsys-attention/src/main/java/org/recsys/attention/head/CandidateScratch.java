package org.recsys.attention.head;

import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.RowUpdates;

/**
 * One caller's working memory for {@link Scoring#scoreCandidates} and {@link Scoring#backCandidates}: the
 * candidates' rows and vectors in native memory (so that scoring is two BLAS GEMVs), and the buffered
 * item-table gradient. Not thread-safe; {@link #flush} before reading the gradients a backward pass wrote.
 */
public final class CandidateScratch implements AutoCloseable {
  /** How many positions' table updates are buffered before they are applied (about 128 KB at size 128). */
  private static final int BUFFERED_POSITIONS = 256;

  private final int dim;
  private final FloatTensor state;
  private final FloatTensor dState;
  private FloatTensor rows;
  private FloatTensor scores;
  private int capacity;
  private RowUpdates tableUpdates;

  /** @param dim the size of the states scored */
  public CandidateScratch(int dim) {
    this.dim = dim;
    this.state = FloatTensor.zeros(dim);
    this.dState = FloatTensor.zeros(dim);
  }

  /** The size of the states scored. */
  public int dim() {
    return dim;
  }

  /** Room for {@code count} candidates' rows, {@code count x dim} floats. */
  public FloatTensor rows(int count) {
    ensure(count);
    return rows;
  }

  /** Room for {@code count} scores or coefficients. */
  public FloatTensor scores(int count) {
    ensure(count);
    return scores;
  }

  /** Room for one state ({@code dim} floats). */
  public FloatTensor state() {
    return state;
  }

  /** Room for one state's gradient ({@code dim} floats). */
  public FloatTensor stateGradient() {
    return dState;
  }

  /**
   * The buffered updates of {@code gradient} (rows of {@code dim} floats); switching to another tensor first
   * applies those of the previous one.
   */
  public RowUpdates updates(FloatTensor gradient) {
    if (tableUpdates == null || tableUpdates.target() != gradient) {
      flush();
      tableUpdates = new RowUpdates(gradient, gradient.length() / dim, dim, BUFFERED_POSITIONS);
    }
    return tableUpdates;
  }

  /** Applies the buffered gradient updates. */
  public void flush() {
    if (tableUpdates != null) {
      tableUpdates.flush();
    }
  }

  private void ensure(int count) {
    if (count > capacity) {
      if (rows != null) {
        rows.close();
        scores.close();
      }
      capacity = Math.max(count, capacity + capacity / 2);
      rows = FloatTensor.zeros((long) capacity * dim);
      scores = FloatTensor.zeros(capacity);
    }
  }

  /** Frees the native memory; buffered updates not flushed are dropped. */
  @Override
  public void close() {
    state.close();
    dState.close();
    if (rows != null) {
      rows.close();
      scores.close();
    }
  }
}
