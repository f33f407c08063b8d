package org.recsys.eval.rankings;

import java.io.IOException;
import java.nio.file.Path;

/** A rankings or truth file that cannot be read as such; the message starts with {@code file:line:}. */
public final class RankingsFileException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final int line;

  /**
   * @param line the 1-based line at fault, or 0 when the fault is the file as a whole
   */
  public RankingsFileException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line at fault, or 0 for the whole file. */
  public int line() {
    return line;
  }
}
