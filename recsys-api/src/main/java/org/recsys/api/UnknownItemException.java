package org.recsys.api;

/** Thrown when an external item id is not in a model's or data set's vocabulary. */
public final class UnknownItemException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String externalId;

  public UnknownItemException(String externalId) {
    super("unknown item id '" + externalId + "'");
    this.externalId = externalId;
  }

  /** The external id that was not found. */
  public String externalId() {
    return externalId;
  }
}
