package org.recsys.data.io.format;

import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.TextInteractionReader;

/** MovieLens {@code ratings.dat}: {@code user::item::rating::timestamp}; claims {@code .dat}. */
public record MovieLensDatFormat() implements DataFormat {
  @Override
  public String name() {
    return "movielens-dat";
  }

  @Override
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return TextInteractionReader.movieLensDat(lenient);
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".dat");
  }
}
