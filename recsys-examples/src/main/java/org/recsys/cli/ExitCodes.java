package org.recsys.cli;

/** The process exit codes of {@code recsys}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** A runtime failure: bad data, an I/O error, a training failure. */
  public static final int RUNTIME_ERROR = 1;
  /** A usage or configuration error. */
  public static final int USAGE_ERROR = 2;

  private ExitCodes() {}
}
