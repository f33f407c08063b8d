package org.recsys.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code sequences} format: one line per user, {@code user item item ...} separated by spaces or tabs,
 * items in time order. The format has no timestamps: like SASRec text, every interaction gets
 * {@link InteractionSink#NO_TIME} and keeps its place in the file, so a user's items keep their order in the line.
 *
 * <p>Blank lines are passed over. A line with a user but no item, or with a user that an earlier line already
 * had, is an error naming the file, line number and line, or, in lenient mode, is skipped and counted in the
 * {@link ReadSummary}.
 */
public final class SequencesTextReader implements InteractionReader {
  private static final Logger LOG = LoggerFactory.getLogger(SequencesTextReader.class);
  private static final String FORMAT = "sequences";

  private final boolean lenient;

  /** A reader that, when {@code lenient}, skips and counts malformed lines instead of failing. */
  public SequencesTextReader(boolean lenient) {
    this.lenient = lenient;
  }

  @Override
  public ReadSummary read(Path file, InteractionSink sink) throws IOException {
    try (BufferedReader r = DataFiles.open(file)) {
      // One line per user: a user seen again is most likely two files run together, whose sequences would
      // otherwise be silently joined.
      Map<String, Long> lineOfUser = new HashMap<>();
      long lineNo = 0;
      long count = 0;
      long skipped = 0;
      List<String> examples = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          count += readLine(line, lineNo, lineOfUser, sink);
        } catch (TextInteractionReader.LineException e) {
          MalformedDataException bad = new MalformedDataException(file, lineNo, line, e.getMessage());
          if (!lenient) {
            throw bad;
          }
          skipped++;
          if (examples.size() < ReadSummary.MAX_EXAMPLES) {
            examples.add(bad.getMessage());
          }
        }
      }
      if (count == 0) {
        throw TextInteractionReader.noInteractions(file, lineNo, false, skipped, examples);
      }
      if (skipped > 0) {
        LOG.warn("{}: lenient mode skipped {} malformed lines; first: {}", file, skipped, examples.get(0));
      }
      return new ReadSummary(file, FORMAT, count, skipped, examples, false, false);
    }
  }

  /** Passes one line's interactions to the sink, after checking the whole line, and returns how many. */
  private static int readLine(String line, long lineNo, Map<String, Long> lineOfUser, InteractionSink sink)
      throws TextInteractionReader.LineException {
    int len = line.length();
    int i = skipSpace(line, 0);
    int userEnd = skipToken(line, i);
    String user = line.substring(i, userEnd);
    int first = skipSpace(line, userEnd);
    if (first == len) {
      throw new TextInteractionReader.LineException("user '" + user + "' has no items; expected 'user item item"
          + " ...' separated by whitespace");
    }
    Long earlier = lineOfUser.putIfAbsent(user, lineNo);
    if (earlier != null) {
      throw new TextInteractionReader.LineException("user '" + user + "' already has line " + earlier
          + "; the sequences format has one line per user");
    }
    int n = 0;
    i = first;
    while (i < len) {
      int end = skipToken(line, i);
      sink.accept(user, line.substring(i, end), InteractionSink.NO_TIME, Double.NaN);
      n++;
      i = skipSpace(line, end);
    }
    return n;
  }

  private static int skipSpace(String line, int i) {
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipToken(String line, int i) {
    while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  @Override
  public String toString() {
    return "SequencesTextReader[" + (lenient ? "lenient" : "strict") + "]";
  }
}
