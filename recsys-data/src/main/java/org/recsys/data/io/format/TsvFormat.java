package org.recsys.data.io.format;

import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.CsvInteractionReader;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;

/** Tab-separated with a header and a column mapping (the delimiter may be changed); claims {@code .tsv}. */
public record TsvFormat() implements DataFormat {
  @Override
  public String name() {
    return "tsv";
  }

  @Override
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return new CsvInteractionReader(columns, delimiter == null ? '\t' : delimiter, lenient);
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".tsv");
  }
}
