package org.recsys.data.io.format;

import org.recsys.data.io.CsvInteractionReader;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.ReaderOptions;

/** Comma-separated with a header and a column mapping (the delimiter may be changed); claims {@code .csv}. */
public record CsvFormat() implements DataFormat {
  @Override
  public String name() {
    return "csv";
  }

  @Override
  public InteractionReader reader(ReaderOptions options) {
    return new CsvInteractionReader(options.columns(), options.delimiter() == null ? ',' : options.delimiter(),
        options.lenient());
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".csv");
  }
}
