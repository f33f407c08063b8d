package org.recsys.data.io.format;

import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.TextInteractionReader;

/**
 * SASRec text ({@code ml-1m.txt}): {@code user item} per line, each user's lines in time order; claims
 * {@code .txt}.
 */
public record SasRecFormat() implements DataFormat {
  @Override
  public String name() {
    return "sasrec";
  }

  @Override
  public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
    return TextInteractionReader.sasRec(lenient);
  }

  @Override
  public boolean recognises(String fileName) {
    return fileName.endsWith(".txt");
  }
}
