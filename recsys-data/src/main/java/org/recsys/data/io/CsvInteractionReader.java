package org.recsys.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads generic delimited files (CSV, TSV) with a header line through Apache Commons CSV, so quoting and
 * escaped delimiters work. Columns are found by the names in a {@link ColumnMapping}. Timestamps may be
 * epoch numbers or ISO-8601 date-times ({@code 2020-01-31T12:00:00Z}, {@code 2020-01-31T12:00:00} taken as
 * UTC, or {@code 2020-01-31}), all turned into epoch seconds.
 */
public final class CsvInteractionReader implements InteractionReader {
  private static final Logger LOG = LoggerFactory.getLogger(CsvInteractionReader.class);

  private final ColumnMapping columns;
  /** False when the timestamp column is only the default's: a file without it is then in time order. */
  private final boolean timestampNamed;
  private final char delimiter;
  private final boolean lenient;

  /**
   * A reader.
   *
   * @param columns column names; nulls take {@link ColumnMapping#CSV_DEFAULTS}, except the rating which
   *     stays absent unless named
   * @param delimiter the field delimiter, e.g. {@code ','} or {@code '\t'}
   */
  public CsvInteractionReader(ColumnMapping columns, char delimiter, boolean lenient) {
    this.columns = columns == null ? ColumnMapping.CSV_DEFAULTS : columns.orDefaults(ColumnMapping.CSV_DEFAULTS);
    this.timestampNamed = columns != null && columns.timestamp() != null;
    this.delimiter = delimiter;
    this.lenient = lenient;
  }

  @Override
  public ReadSummary read(Path file, InteractionSink sink) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
    try (BufferedReader r = DataFiles.open(file); CSVParser parser = CSVParser.builder().setReader(r)
        .setFormat(format).get()) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || header.isEmpty()) {
        throw new IOException(file + ": empty file (expected a header line)");
      }
      int uc = column(file, header, columns.user(), "user", false);
      int ic = column(file, header, columns.item(), "item", false);
      int tc = column(file, header, columns.timestamp(), "timestamp", !timestampNamed);
      int rc = column(file, header, columns.rating(), "rating", false);
      int width = header.size();
      long count = 0;
      long skipped = 0;
      List<String> examples = new ArrayList<>();
      try {
        for (CSVRecord rec : parser) {
          try {
            if (rec.size() != width) {
              throw new TextInteractionReader.LineException("expected " + width + " fields, found " + rec.size());
            }
            String user = rec.get(uc);
            String item = rec.get(ic);
            if (user.isEmpty() || item.isEmpty()) {
              throw new TextInteractionReader.LineException("empty " + (user.isEmpty() ? "user" : "item") + " id");
            }
            long time = tc < 0 ? InteractionSink.NO_TIME : parseTime(rec.get(tc));
            double rating = rc < 0 ? Double.NaN : TextInteractionReader.parseRating(rec.get(rc), 0,
                rec.get(rc).length());
            sink.accept(user, item, time, rating);
            count++;
          } catch (TextInteractionReader.LineException e) {
            MalformedDataException bad = new MalformedDataException(file, parser.getCurrentLineNumber(),
                String.join(String.valueOf(delimiter), rec.values()), e.getMessage());
            if (!lenient) {
              throw bad;
            }
            skipped++;
            if (examples.size() < ReadSummary.MAX_EXAMPLES) {
              examples.add(bad.getMessage());
            }
          }
        }
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof DataFileException whole) {
          throw whole; // the file itself is damaged, not one line
        }
        // Commons CSV reports unbalanced quotes and the like this way; it cannot be skipped safely.
        throw new MalformedDataException(file, parser.getCurrentLineNumber(), "", "cannot parse CSV: "
            + e.getCause().getMessage());
      }
      if (count == 0) {
        throw new IOException(file + ": no interactions" + (skipped > 0 ? " (all " + skipped
            + " data lines were malformed and skipped; first: " + examples.get(0) + ")" : " (only a header)"));
      }
      if (skipped > 0) {
        LOG.warn("{}: lenient mode skipped {} malformed lines; first: {}", file, skipped, examples.get(0));
      }
      return new ReadSummary(file, delimiter == '\t' ? "tsv" : "csv", count, skipped, examples, tc >= 0, rc >= 0);
    }
  }

  /**
   * The index of column {@code name} (case-insensitive), or -1 when {@code name} is null, or when the column is
   * missing and {@code mayBeMissing}.
   */
  private static int column(Path file, Map<String, Integer> header, String name, String role, boolean mayBeMissing)
      throws IOException {
    if (name == null) {
      return -1;
    }
    Integer i = header.get(name);
    if (i == null) {
      for (Map.Entry<String, Integer> e : header.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      if (mayBeMissing) {
        return -1;
      }
      throw new IOException(file + ":1: missing " + role + " column '" + name + "' (columns: " + header.keySet()
          + ")");
    }
    return i;
  }

  static long parseTime(String text) throws TextInteractionReader.LineException {
    if (text.isEmpty()) {
      throw new TextInteractionReader.LineException("empty timestamp");
    }
    char c = text.charAt(0);
    if (Character.isDigit(c) || c == '-' || c == '+') {
      if (text.length() > 4 && text.indexOf('-', 1) > 0 && Character.isDigit(c)) {
        return parseDate(text);
      }
      return TextInteractionReader.parseTime(text, 0, text.length());
    }
    return parseDate(text);
  }

  private static long parseDate(String text) throws TextInteractionReader.LineException {
    try {
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return Instant.parse(text).getEpochSecond();
      }
      if (text.indexOf('T') > 0) {
        return LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC);
      }
      return LocalDate.parse(text).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new TextInteractionReader.LineException("timestamp '" + text
          + "' is neither a number nor an ISO-8601 date-time");
    }
  }
}
