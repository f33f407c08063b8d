package org.recsys.data.io;

import java.io.IOException;
import java.nio.file.Path;

/** A line of a data file that cannot be read; the message names the file, the line number and the line. */
public final class MalformedDataException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final long lineNumber;
  private final String line;
  private final String reason;

  public MalformedDataException(Path file, long lineNumber, String line, String reason) {
    super(file + ":" + lineNumber + ": " + reason + ": '" + shorten(line) + "'");
    this.file = file;
    this.lineNumber = lineNumber;
    this.line = line;
    this.reason = reason;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The 1-based line number. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The line as read. */
  public String line() {
    return line;
  }

  /** What is wrong with it, without the location. */
  public String reason() {
    return reason;
  }

  private static String shorten(String line) {
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
