package org.recsys.data.io.format;

import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.TextInteractionReader;

/** MovieLens {@code u.data}: tab-separated {@code user item rating timestamp}; claims {@code .data}. */
public record MovieLensUDataFormat() implements DataFormat {
  @Override
  public String name() {
    return "movielens-udata";
  }

  @Override
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return TextInteractionReader.movieLensUData(lenient);
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".data");
  }
}
