package org.recsys.data.io;

import java.util.List;

/**
 * Optional for a {@link DataFormat}: tells from a file's first lines whether the file is in this format. When
 * several formats claim a file's name, {@code format: auto} ({@link FormatRegistry#detect}) reads the start of the
 * file and picks the one claimant whose test passes; that is how {@code sasrec} and {@code sequences}, which both
 * claim {@code .txt}, are told apart. Formats whose name alone tells need not implement this.
 */
public interface ContentRecognition {
  /** The most non-blank lines, from the start of the file, that {@link #recognisesContent} is shown. */
  int SAMPLE_LINES = 1000;

  /**
   * True when a file that starts with these lines is in this format.
   *
   * @param firstLines up to {@link #SAMPLE_LINES} non-blank lines from the start of the file, decompressed and
   *     without a byte-order mark; empty for a file with no such line
   */
  boolean recognisesContent(List<String> firstLines);
}
