package org.recsys.data.preprocess;

/** Thrown when a preprocessing step leaves no data; the message names the step, e.g. the k-core's k. */
public final class EmptyDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public EmptyDataException(String message) {
    super(message);
  }
}
