package org.recsys.data;

import java.nio.file.Path;
import org.recsys.api.ConfigException;
import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.FormatRegistry;
import org.recsys.data.preprocess.PreprocessOptions;
import org.recsys.data.split.SplitOptions;
import org.recsys.data.synthetic.SyntheticConfig;

/**
 * The {@code data} section of a config: where the data comes from and how it is prepared. Binds from YAML
 * or JSON with Jackson (records bind by component name); every field may be omitted. Without a
 * {@code path} the built-in synthetic data set is used ({@code synthetic}, default
 * {@link SyntheticConfig#defaults()}).
 *
 * <pre>{@code
 * data:
 *   path: ratings.csv
 *   format: csv            # auto (default, from the file name), sasrec, sequences, movielens-dat,
 *                          # movielens-udata, recbole, csv, tsv, or a plug-in's (FormatRegistry)
 *   columns: {user: userId, item: movieId, timestamp: timestamp, rating: rating}
 *   lenient: false
 *   preprocess: {ratingThreshold: 4, dedupe: exact, userCore: 5, itemCore: 5}
 *   split: {type: leave-one-out, shortUsers: train-only}
 * }</pre>
 *
 * @param path the interactions file (gzip allowed); null for synthetic data
 * @param format a registered format's name ({@link FormatRegistry}), or {@code auto} (default)
 * @param columns column names for formats with a header; null for the format's defaults
 * @param delimiter CSV/TSV field delimiter: one character, or {@code tab}; null for the format's default
 * @param lenient skip and count malformed lines instead of failing (default false)
 * @param itemFile optional RecBole {@code .item} side file with titles
 * @param preprocess preprocessing steps (default: only chronological order)
 * @param split how to split (default: leave-one-out)
 * @param synthetic the synthetic data set used when {@code path} is null
 */
public record DataConfig(String path, String format, ColumnMapping columns, String delimiter, Boolean lenient,
    String itemFile, PreprocessOptions preprocess, SplitOptions split, SyntheticConfig synthetic) {

  /** The format name that means "tell from the file name (and, for a name formats share, the first lines)". */
  public static final String AUTO = FormatRegistry.AUTO;
  /** The config key of {@link #format}. */
  public static final String FORMAT_KEY = "data.format";

  public DataConfig {
    format = format == null ? AUTO : format.trim().toLowerCase(java.util.Locale.ROOT);
    lenient = lenient != null && lenient;
    preprocess = preprocess == null ? PreprocessOptions.none() : preprocess;
    split = split == null ? SplitOptions.leaveOneOut() : split;
    synthetic = synthetic == null ? SyntheticConfig.defaults() : synthetic;
    if (path != null && path.isBlank()) {
      throw new ConfigException("data.path", "path is empty; omit it to use the synthetic data set");
    }
    // Names are checked against the formats on the class path, so a mistake surfaces before any data is read.
    FormatRegistry formats = FormatRegistry.installed();
    if (!format.equals(AUTO)) {
      formats.parse(FORMAT_KEY, format);
    }
    if (path == null && !preprocess.equals(PreprocessOptions.none())) {
      // Silently ignoring these would report numbers for data the user did not ask for.
      throw new ConfigException("data.preprocess", "preprocessing applies to a data file, but there is no data.path"
          + " (the synthetic data set is generated as configured under data.synthetic)");
    }
    if (path == null && !format.equals(AUTO)) {
      throw new ConfigException("data.format", "format '" + format + "' is set but there is no data.path");
    }
    if (path != null && format.equals(AUTO)) {
      // By name only: a config is checked before its data file is read, or even exists.
      formats.checkDetectable(FORMAT_KEY, Path.of(path));
    }
    if (delimiter != null && parseDelimiter(delimiter) == null) {
      throw new ConfigException("data.delimiter", "delimiter must be one character or 'tab', got '" + delimiter + "'");
    }
  }

  /** Synthetic data of the given config, default preprocessing and split. */
  public static DataConfig synthetic(SyntheticConfig synthetic) {
    return new DataConfig(null, null, null, null, null, null, null, null, synthetic);
  }

  /** A file in the given format ({@code auto} to guess), default preprocessing and split. */
  public static DataConfig file(Path path, String format) {
    return new DataConfig(path.toString(), format, null, null, null, null, null, null, null);
  }

  /** This config with other preprocessing. */
  public DataConfig withPreprocess(PreprocessOptions newPreprocess) {
    return new DataConfig(path, format, columns, delimiter, lenient, itemFile, newPreprocess, split, synthetic);
  }

  /** This config with another split. */
  public DataConfig withSplit(SplitOptions newSplit) {
    return new DataConfig(path, format, columns, delimiter, lenient, itemFile, preprocess, newSplit, synthetic);
  }

  /** True when the data is generated rather than read. */
  public boolean usesSynthetic() {
    return path == null;
  }

  /**
   * The format to read {@link #path()} with among those on the class path, told from its name (and first lines,
   * where formats share the name) for {@code auto}.
   */
  public DataFormat resolvedFormat() {
    return resolvedFormat(FormatRegistry.installed());
  }

  /**
   * The format to read {@link #path()} with among {@code formats}, told from the name when {@code auto}, and from
   * the file's first lines when several formats claim the name ({@link FormatRegistry#detect}).
   *
   * @throws IllegalStateException for synthetic data, which has no file
   * @throws ConfigException when {@code formats} has no such format or cannot tell it from the name
   */
  public DataFormat resolvedFormat(FormatRegistry formats) {
    if (path == null) {
      throw new IllegalStateException("synthetic data has no file format");
    }
    return format.equals(AUTO) ? formats.detect(FORMAT_KEY, Path.of(path)) : formats.parse(FORMAT_KEY, format);
  }

  /** The delimiter as a character, or null for the format's default. */
  public Character delimiterChar() {
    return delimiter == null ? null : parseDelimiter(delimiter);
  }

  private static Character parseDelimiter(String d) {
    if (d.equalsIgnoreCase("tab") || d.equals("\\t") || d.equals("\t")) {
      return '\t';
    }
    return d.length() == 1 ? d.charAt(0) : null;
  }
}
