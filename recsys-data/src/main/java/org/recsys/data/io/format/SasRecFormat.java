package org.recsys.data.io.format;

import java.util.List;
import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.ContentRecognition;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.TextInteractionReader;

/**
 * SASRec text ({@code ml-1m.txt}): {@code user item} per line, each user's lines in time order; claims
 * {@code .txt}, as {@code sequences} does. For {@code format: auto} a {@code .txt} file is in this format unless one
 * of its first lines holds more than two tokens ({@link SequencesFormat#holdsSequences}).
 */
public record SasRecFormat() implements DataFormat, ContentRecognition {
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

  @Override
  public boolean recognisesContent(List<String> firstLines) {
    // The exact complement of the sequences rule, so that exactly one of the two claims any .txt file.
    return !SequencesFormat.holdsSequences(firstLines);
  }
}
