package org.recsys.data.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.recsys.api.ConfigException;

/** The supported input formats, with their config names. */
public enum DataFormat {
  /** {@code user item} per line, each user's lines in time order ({@code ml-1m.txt}). */
  SASREC("sasrec"),
  /** MovieLens {@code ratings.dat}: {@code user::item::rating::timestamp}. */
  MOVIELENS_DAT("movielens-dat"),
  /** MovieLens {@code u.data}: tab-separated {@code user item rating timestamp}. */
  MOVIELENS_UDATA("movielens-udata"),
  /** RecBole atomic {@code .inter} with a typed header. */
  RECBOLE("recbole"),
  /** Comma-separated with a header and a column mapping. */
  CSV("csv"),
  /** Tab-separated with a header and a column mapping. */
  TSV("tsv");

  private final String configName;

  DataFormat(String configName) {
    this.configName = configName;
  }

  /** The name used in configs and on the command line. */
  public String configName() {
    return configName;
  }

  /**
   * A reader for this format.
   *
   * @param columns column names for formats with a header (RecBole, CSV, TSV); null for the defaults
   * @param delimiter overrides CSV's {@code ','} / TSV's tab; null for the default; ignored by other formats
   * @param lenient skip and count malformed lines instead of failing
   */
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return switch (this) {
      case SASREC -> TextInteractionReader.sasRec(lenient);
      case MOVIELENS_DAT -> TextInteractionReader.movieLensDat(lenient);
      case MOVIELENS_UDATA -> TextInteractionReader.movieLensUData(lenient);
      case RECBOLE -> TextInteractionReader.recBole(columns, lenient);
      case CSV -> new CsvInteractionReader(columns, delimiter == null ? ',' : delimiter, lenient);
      case TSV -> new CsvInteractionReader(columns, delimiter == null ? '\t' : delimiter, lenient);
    };
  }

  /**
   * Parses a config name (case-insensitive).
   *
   * @throws ConfigException naming {@code key} and the valid names
   */
  public static DataFormat parse(String key, String name) {
    for (DataFormat f : values()) {
      if (f.configName.equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new ConfigException(key, "unknown data format '" + name + "'; valid: " + validNames() + ", auto");
  }

  /**
   * Guesses the format from the file name ({@code .gz} ignored): {@code .txt} SASRec, {@code .dat}
   * MovieLens, {@code u.data}/{@code .data} MovieLens u.data, {@code .inter} RecBole, {@code .csv},
   * {@code .tsv}.
   *
   * @throws ConfigException (key {@code key}) when the name does not tell
   */
  public static DataFormat detect(String key, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".txt")) {
      return SASREC;
    }
    if (name.endsWith(".dat")) {
      return MOVIELENS_DAT;
    }
    if (name.endsWith(".data")) {
      return MOVIELENS_UDATA;
    }
    if (name.endsWith(".inter")) {
      return RECBOLE;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".tsv")) {
      return TSV;
    }
    throw new ConfigException(key, "cannot tell the format of '" + file.getFileName() + "' from its name; set it to one of "
        + validNames());
  }

  /** The valid config names, comma-separated. */
  public static String validNames() {
    return Arrays.stream(values()).map(DataFormat::configName).collect(Collectors.joining(", "));
  }
}
