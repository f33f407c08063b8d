package org.recsys.data.io.format;

import java.util.List;
import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.ContentRecognition;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.SequencesTextReader;

/**
 * One line per user, {@code user item item ...}, items in time order, separated by whitespace: the data files of
 * S3-Rec, CL4SRec, ICLRec and DuoRec (Amazon Beauty, Sports, Toys, Yelp). Claims {@code .txt}, as {@code sasrec}
 * does; for {@code format: auto} a file is in this format when one of its first lines holds more than two tokens
 * ({@link #holdsSequences}), and in {@code sasrec} otherwise.
 */
public record SequencesFormat() implements DataFormat, ContentRecognition {
  @Override
  public String name() {
    return "sequences";
  }

  @Override
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return new SequencesTextReader(lenient);
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".txt");
  }

  @Override
  public boolean recognisesContent(List<String> firstLines) {
    return holdsSequences(firstLines);
  }

  /**
   * The rule that tells this format from {@code sasrec}: some line has more than two whitespace-separated tokens.
   * A file whose every line is {@code user item} reads the same in both formats, so the rule may call it
   * {@code sasrec}.
   */
  public static boolean holdsSequences(List<String> lines) {
    for (String line : lines) {
      if (tokens(line, 3) > 2) {
        return true;
      }
    }
    return false;
  }

  /** The number of whitespace-separated tokens in {@code line}, counting no further than {@code max}. */
  private static int tokens(String line, int max) {
    int n = 0;
    int i = 0;
    int len = line.length();
    while (n < max) {
      while (i < len && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i == len) {
        return n;
      }
      n++;
      while (i < len && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
    }
    return n;
  }
}
