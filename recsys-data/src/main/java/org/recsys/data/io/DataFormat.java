package org.recsys.data.io;

import java.nio.file.Path;
import org.recsys.data.io.format.CsvFormat;
import org.recsys.data.io.format.MovieLensDatFormat;
import org.recsys.data.io.format.MovieLensUDataFormat;
import org.recsys.data.io.format.RecBoleFormat;
import org.recsys.data.io.format.SasRecFormat;
import org.recsys.data.io.format.SequencesFormat;
import org.recsys.data.io.format.TsvFormat;

/**
 * An input format, named in configs by {@code data.format}: makes the reader of a file. Formats are plug-ins:
 * list an implementation in {@code META-INF/services/org.recsys.data.io.DataFormat} and {@link FormatRegistry}
 * finds it by name (and, for {@code format: auto}, by file name, or by content with {@link ContentRecognition}), as
 * it finds the built-in formats below.
 */
public interface DataFormat {
  /** {@code user item} per line, each user's lines in time order ({@code ml-1m.txt}). */
  DataFormat SASREC = new SasRecFormat();
  /** {@code user item item ...}, one line per user, items in time order (S3-Rec, CL4SRec, ICLRec, DuoRec data). */
  DataFormat SEQUENCES = new SequencesFormat();
  /** MovieLens {@code ratings.dat}: {@code user::item::rating::timestamp}. */
  DataFormat MOVIELENS_DAT = new MovieLensDatFormat();
  /** MovieLens {@code u.data}: tab-separated {@code user item rating timestamp}. */
  DataFormat MOVIELENS_UDATA = new MovieLensUDataFormat();
  /** RecBole atomic {@code .inter} with a typed header. */
  DataFormat RECBOLE = new RecBoleFormat();
  /** Comma-separated with a header and a column mapping. */
  DataFormat CSV = new CsvFormat();
  /** Tab-separated with a header and a column mapping. */
  DataFormat TSV = new TsvFormat();

  // No default methods here: an interface with default methods is initialised with every class that implements
  // it, and the constants above are instances of such classes, so two threads could deadlock on first use.

  /**
   * The name used in configs and on the command line (matched ignoring case), e.g. {@code movielens-dat}.
   * Unique among the registered formats; {@code auto} is reserved.
   */
  String name();

  /**
   * A reader of this format. A format ignores the options it has no use for.
   *
   * @param columns column names for formats with a header (RecBole, CSV, TSV); null for the defaults
   * @param delimiter the field delimiter for formats that let it be chosen (CSV, TSV); null for the default
   * @param lenient skip and count malformed lines instead of failing
   */
  InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient);

  /**
   * True when a file of this name is in this format, for {@code format: auto}; false when a name does not
   * tell. Formats that claim the same names are told apart by content when each is a {@link ContentRecognition}.
   *
   * @param fileName the file's name in lower case, without directories and without a trailing {@code .gz}
   */
  boolean recognises(String fileName);

  /**
   * The registered format named {@code name}; see {@link FormatRegistry#parse}.
   *
   * @throws org.recsys.api.ConfigException naming {@code key} and the registered names
   */
  static DataFormat parse(String key, String name) {
    return FormatRegistry.installed().parse(key, name);
  }

  /**
   * The registered format that recognises {@code file}'s name (and content, where formats share the name); see
   * {@link FormatRegistry#detect}.
   *
   * @throws org.recsys.api.ConfigException (key {@code key}) when no format or more than one does
   */
  static DataFormat detect(String key, Path file) {
    return FormatRegistry.installed().detect(key, file);
  }
}
