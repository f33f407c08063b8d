package org.recsys.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes an {@link ItemVocabulary} as UTF-8 text: line {@code i} (1-based) holds the external id of
 * internal item {@code i}. Saved with every model so that ids mean the same after loading.
 */
public final class VocabularyFile {
  /** The conventional file name inside a model directory. */
  public static final String FILE_NAME = "items.vocab";

  private VocabularyFile() {}

  /** Writes the vocabulary atomically. */
  public static void write(ItemVocabulary vocabulary, Path file) throws IOException {
    for (String id : vocabulary.externalIds()) {
      if (id.isEmpty() || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("item id '" + id + "' cannot be written one per line");
      }
    }
    AtomicFiles.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      for (String id : vocabulary.externalIds()) {
        w.write(id);
        w.write('\n');
      }
      w.flush();
    });
  }

  /**
   * Reads a vocabulary written by {@link #write}.
   *
   * @throws IOException naming the file when it is missing, or the line when an id is empty or repeated
   */
  public static ItemVocabulary read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "vocabulary file is missing");
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        throw new IOException(file + ":" + (i + 1) + ": empty item id");
      }
    }
    try {
      return ItemVocabulary.of(lines);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
