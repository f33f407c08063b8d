package org.recsys.data.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be read as a whole: cut short, damaged compression, an I/O failure. The message names
 * the file and says what is wrong; unlike {@link MalformedDataException} it is not about one line.
 */
public final class DataFileException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public DataFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }
}
