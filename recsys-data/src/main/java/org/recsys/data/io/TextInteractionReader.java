package org.recsys.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads unquoted, delimiter-separated text formats line by line: SASRec text ({@code user item}, whitespace),
 * MovieLens {@code ratings.dat} ({@code user::item::rating::timestamp}), MovieLens {@code u.data} (tabs) and
 * RecBole atomic {@code .inter} files (tabs, typed header {@code name:type}). These formats never quote, so
 * fields are found by the delimiter alone; quoted CSV goes through {@link CsvInteractionReader}.
 *
 * <p>Blank lines are not data and are passed over. A line with the wrong number of fields or a non-numeric
 * timestamp or rating is an error naming the file, line number and line, or, in lenient mode, is skipped and
 * counted in the {@link ReadSummary}.
 */
public final class TextInteractionReader implements InteractionReader {
  private static final Logger LOG = LoggerFactory.getLogger(TextInteractionReader.class);

  private final String format;
  private final String delimiter;
  private final int fields;
  private final boolean typedHeader;
  private final ColumnMapping columns;
  private final int userCol;
  private final int itemCol;
  private final int ratingCol;
  private final int timeCol;
  private final boolean lenient;

  private TextInteractionReader(String format, String delimiter, int fields, boolean typedHeader,
      ColumnMapping columns, int userCol, int itemCol, int ratingCol, int timeCol, boolean lenient) {
    this.format = format;
    this.delimiter = delimiter;
    this.fields = fields;
    this.typedHeader = typedHeader;
    this.columns = columns;
    this.userCol = userCol;
    this.itemCol = itemCol;
    this.ratingCol = ratingCol;
    this.timeCol = timeCol;
    this.lenient = lenient;
  }

  /** SASRec text: {@code user item} separated by spaces or tabs, each user's lines in time order. */
  public static TextInteractionReader sasRec(boolean lenient) {
    return new TextInteractionReader("sasrec", null, 2, false, null, 0, 1, -1, -1, lenient);
  }

  /** MovieLens {@code ratings.dat} (ML-1M, ML-10M): {@code user::item::rating::timestamp}. */
  public static TextInteractionReader movieLensDat(boolean lenient) {
    return new TextInteractionReader("movielens-dat", "::", 4, false, null, 0, 1, 2, 3, lenient);
  }

  /** MovieLens {@code u.data} (ML-100K): {@code user<TAB>item<TAB>rating<TAB>timestamp}. */
  public static TextInteractionReader movieLensUData(boolean lenient) {
    return new TextInteractionReader("movielens-udata", "\t", 4, false, null, 0, 1, 2, 3, lenient);
  }

  /**
   * RecBole atomic {@code .inter}: tab-separated with a typed header such as
   * {@code user_id:token item_id:token rating:float timestamp:float}. Columns are found by name
   * ({@link ColumnMapping#RECBOLE_DEFAULTS} unless {@code columns} says otherwise); rating and timestamp
   * columns are optional.
   */
  public static TextInteractionReader recBole(ColumnMapping columns, boolean lenient) {
    ColumnMapping c = (columns == null ? ColumnMapping.RECBOLE_DEFAULTS
        : columns.orDefaults(ColumnMapping.RECBOLE_DEFAULTS));
    return new TextInteractionReader("recbole", "\t", -1, true, c, -1, -1, -1, -1, lenient);
  }

  @Override
  public ReadSummary read(Path file, InteractionSink sink) throws IOException {
    try (BufferedReader r = DataFiles.open(file)) {
      long lineNo = 0;
      int nFields = fields;
      int uc = userCol;
      int ic = itemCol;
      int rc = ratingCol;
      int tc = timeCol;
      if (typedHeader) {
        String header = r.readLine();
        lineNo++;
        if (header == null) {
          throw new IOException(file + ": empty file (expected a header line)");
        }
        int[] cols = headerColumns(file, header);
        nFields = cols[0];
        uc = cols[1];
        ic = cols[2];
        rc = cols[3];
        tc = cols[4];
      }
      int[] start = new int[Math.max(nFields, 2) + 1];
      int[] end = new int[start.length];
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
          int n = split(line, start, end);
          if (n != nFields) {
            throw new LineException("expected " + nFields + " fields" + describeDelimiter() + ", found "
                + (n > nFields ? "more" : Integer.toString(n)) + (n > nFields && format.equals("sasrec")
                ? " (one line per user, 'user item item ...', is format 'sequences')" : ""));
          }
          String user = line.substring(start[uc], end[uc]);
          String item = line.substring(start[ic], end[ic]);
          if (user.isEmpty() || item.isEmpty()) {
            throw new LineException("empty " + (user.isEmpty() ? "user" : "item") + " id");
          }
          long time = tc < 0 ? InteractionSink.NO_TIME : parseTime(line, start[tc], end[tc]);
          double rating = rc < 0 ? Double.NaN : parseRating(line, start[rc], end[rc]);
          sink.accept(user, item, time, rating);
          count++;
        } catch (LineException e) {
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
        throw noInteractions(file, lineNo, typedHeader, skipped, examples);
      }
      if (skipped > 0) {
        LOG.warn("{}: lenient mode skipped {} malformed lines; first: {}", file, skipped, examples.get(0));
      }
      return new ReadSummary(file, format, count, skipped, examples, tc >= 0, rc >= 0);
    }
  }

  /**
   * The error for a file that gave no interaction, worded alike by every line reader of this package.
   *
   * @param lines the lines read, header included
   * @param skipped the malformed lines skipped in lenient mode, of which {@code examples} holds the first messages
   */
  static IOException noInteractions(Path file, long lines, boolean typedHeader, long skipped, List<String> examples) {
    String why = lines == 0 ? "empty file" : typedHeader && lines == 1 ? "only a header line"
        : "only blank lines" + (typedHeader ? " after the header" : "");
    return new IOException(file + ": no interactions" + (skipped > 0 ? " (all " + skipped
        + " data lines were malformed and skipped; first: " + examples.get(0) + ")" : " (" + why + ")"));
  }

  private String describeDelimiter() {
    if (delimiter == null) {
      return " separated by whitespace";
    }
    return delimiter.equals("\t") ? " separated by tabs" : " separated by '" + delimiter + "'";
  }

  /** Splits into fields; returns the field count, or fields + 1 when there are more than expected. */
  private int split(String line, int[] start, int[] end) {
    int max = start.length - 1;
    int n = 0;
    int len = line.length();
    if (delimiter == null) {
      int i = 0;
      while (true) {
        while (i < len && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i >= len) {
          return n;
        }
        if (n == max) {
          return n + 1;
        }
        int s = i;
        while (i < len && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        start[n] = s;
        end[n++] = i;
      }
    }
    int dl = delimiter.length();
    int s = 0;
    while (true) {
      int d = dl == 1 ? line.indexOf(delimiter.charAt(0), s) : line.indexOf(delimiter, s);
      if (n == max) {
        return n + 1;
      }
      start[n] = s;
      if (d < 0) {
        end[n++] = trimEnd(line, s, len);
        return n;
      }
      end[n++] = d;
      s = d + dl;
    }
  }

  private static int trimEnd(String line, int s, int e) {
    while (e > s && (line.charAt(e - 1) == '\r' || line.charAt(e - 1) == ' ')) {
      e--;
    }
    return e;
  }

  static long parseTime(CharSequence line, int s, int e) throws LineException {
    if (s == e) {
      throw new LineException("empty timestamp");
    }
    try {
      return Long.parseLong(line, s, e, 10);
    } catch (NumberFormatException notLong) {
      String text = line.subSequence(s, e).toString();
      try {
        double d = Double.parseDouble(text);
        if (Double.isFinite(d) && Math.abs(d) < 9.0e18) {
          return (long) Math.floor(d);
        }
      } catch (NumberFormatException notDouble) {
        // reported below
      }
      throw new LineException("non-numeric timestamp '" + text + "'");
    }
  }

  static double parseRating(CharSequence line, int s, int e) throws LineException {
    String text = line.subSequence(s, e).toString();
    try {
      double d = Double.parseDouble(text);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e2) {
      // reported below
    }
    throw new LineException("non-numeric rating '" + text + "'");
  }

  /** Returns {fields, user, item, rating, timestamp} column indices from a RecBole typed header. */
  private int[] headerColumns(Path file, String header) throws IOException {
    String[] names = header.split("\t", -1);
    String[] bare = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      int colon = names[i].indexOf(':');
      bare[i] = (colon < 0 ? names[i] : names[i].substring(0, colon)).trim();
      if (i == 0 && !bare[i].isEmpty() && bare[i].charAt(0) == '\uFEFF') {
        bare[i] = bare[i].substring(1);
      }
    }
    int user = indexOf(bare, columns.user());
    int item = indexOf(bare, columns.item());
    if (user < 0 || item < 0) {
      throw new IOException(file + ":1: missing column '" + (user < 0 ? columns.user() : columns.item())
          + "' in header '" + header + "' (columns: " + Arrays.toString(bare) + ")");
    }
    int rating = columns.rating() == null ? -1 : indexOf(bare, columns.rating());
    int time = columns.timestamp() == null ? -1 : indexOf(bare, columns.timestamp());
    return new int[] {names.length, user, item, rating, time};
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The reason a line is malformed; turned into a {@link MalformedDataException} with the location. */
  static final class LineException extends Exception {
    private static final long serialVersionUID = 1L;

    LineException(String reason) {
      super(reason, null, false, false);
    }
  }

  @Override
  public String toString() {
    return "TextInteractionReader[" + format + (lenient ? ", lenient" : "") + "]";
  }

  /** The format's config name. */
  public String format() {
    return Objects.requireNonNull(format);
  }
}
