package org.recsys.data.io;

/**
 * How a {@link DataFormat} reads a file; a format ignores the options it has no use for.
 *
 * @param columns column names for formats with a header; null for the format's defaults
 * @param delimiter the field delimiter for formats that let it be chosen; null for the format's default
 * @param lenient skip and count malformed lines instead of failing
 */
public record ReaderOptions(ColumnMapping columns, Character delimiter, boolean lenient) {
  /** The format's defaults, strict. */
  public static ReaderOptions defaults() {
    return new ReaderOptions(null, null, false);
  }
}
