package org.recsys.cli;

/** A command used wrongly in a way picocli cannot detect (e.g. two options that exclude each other). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
