package org.recsys.data.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the interactions of one file into a sink, in file order, without holding the file in memory.
 * Gzip-compressed files are read transparently (recognised by their content, not their name).
 */
@FunctionalInterface
public interface InteractionReader {
  /**
   * Reads {@code file}.
   *
   * @throws MalformedDataException for a bad line (in strict mode), naming the file, line number and line
   * @throws IOException when the file is missing, empty or unreadable, naming the file
   */
  ReadSummary read(Path file, InteractionSink sink) throws IOException;
}
