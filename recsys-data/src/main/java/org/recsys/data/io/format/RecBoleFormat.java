package org.recsys.data.io.format;

import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.TextInteractionReader;

/** RecBole atomic {@code .inter} files with a typed header; claims {@code .inter}. */
public record RecBoleFormat() implements DataFormat {
  @Override
  public String name() {
    return "recbole";
  }

  @Override
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return TextInteractionReader.recBole(columns, lenient);
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".inter");
  }
}
