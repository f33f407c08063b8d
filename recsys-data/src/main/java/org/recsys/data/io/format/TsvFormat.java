package org.recsys.data.io.format;

import org.recsys.data.io.CsvInteractionReader;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.ReaderOptions;

/** Tab-separated with a header and a column mapping (the delimiter may be changed); claims {@code .tsv}. */
public record TsvFormat() implements DataFormat {
  @Override
  public String name() {
    return "tsv";
  }

  @Override
  public InteractionReader reader(ReaderOptions options) {
    return new CsvInteractionReader(options.columns(), options.delimiter() == null ? '\t' : options.delimiter(),
        options.lenient());
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".tsv");
  }
}
