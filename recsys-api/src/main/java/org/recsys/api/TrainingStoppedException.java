package org.recsys.api;

/** Thrown by a {@link Trainer} that stopped because its listener asked it to. */
public final class TrainingStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int epoch;

  public TrainingStoppedException(int epoch, String message) {
    super(message);
    this.epoch = epoch;
  }

  /** The epoch during which training stopped. */
  public int epoch() {
    return epoch;
  }
}
