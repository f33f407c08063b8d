package org.recsys.data.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens data files as UTF-8 text, decompressing gzip when the content starts with the gzip magic bytes and
 * dropping a leading byte-order mark.
 */
public final class DataFiles {
  private static final int BUFFER = 1 << 16;

  private DataFiles() {}

  /**
   * Opens {@code file} for reading text.
   *
   * @throws NoSuchFileException naming the file when it does not exist
   */
  public static BufferedReader open(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "data file not found");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a directory, not a data file");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, BUFFER);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    // Spreadsheet exports often start with a byte-order mark, which would otherwise stick to the first column name.
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }
}
