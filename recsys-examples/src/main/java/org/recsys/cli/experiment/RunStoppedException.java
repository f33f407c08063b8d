package org.recsys.cli.experiment;

import java.nio.file.Path;

/**
 * A run that stopped on request (Ctrl-C) before it was complete. Its unfinished directory, with the checkpoint
 * when the model keeps one, waits in {@link #staging()} for {@code --resume}.
 */
public final class RunStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path staging;

  /**
   * @param when where the run was, e.g. {@code during epoch 3} or {@code during evaluation}
   * @param staging the unfinished run directory
   */
  public RunStoppedException(String when, Path staging, Throwable cause) {
    super("stopped " + when + "; the unfinished run is in " + staging, cause);
    this.staging = staging;
  }

  /** The unfinished run directory. */
  public Path staging() {
    return staging;
  }
}
