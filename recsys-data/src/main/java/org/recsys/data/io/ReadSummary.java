package org.recsys.data.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What a reader did with a file.
 *
 * @param file the file read
 * @param format the format's config name
 * @param interactions interactions passed to the sink
 * @param skippedLines malformed lines skipped in lenient mode (always 0 in strict mode)
 * @param skippedExamples up to {@link #MAX_EXAMPLES} of the skipped lines' messages
 * @param hasTimestamps whether the format carries event times
 * @param hasRatings whether the format carries ratings
 */
public record ReadSummary(Path file, String format, long interactions, long skippedLines,
    List<String> skippedExamples, boolean hasTimestamps, boolean hasRatings) {
  /** How many skipped lines are kept as examples. */
  public static final int MAX_EXAMPLES = 5;

  public ReadSummary {
    skippedExamples = List.copyOf(skippedExamples);
  }
}
