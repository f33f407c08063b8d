package org.recsys.data.io.format;

import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.ReaderOptions;
import org.recsys.data.io.TextInteractionReader;

/** RecBole atomic {@code .inter} files with a typed header; claims {@code .inter}. */
public record RecBoleFormat() implements DataFormat {
  @Override
  public String name() {
    return "recbole";
  }

  @Override
  public InteractionReader reader(ReaderOptions options) {
    return TextInteractionReader.recBole(options.columns(), options.lenient());
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".inter");
  }
}
