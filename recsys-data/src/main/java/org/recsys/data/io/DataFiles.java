package org.recsys.data.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
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
 * dropping a leading byte-order mark. A read that fails (a gzip file cut short or damaged, an I/O error) throws a
 * {@link DataFileException} naming the file, whichever reader is reading it.
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
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    if (gzip) {
      try {
        in = new GZIPInputStream(in, BUFFER);
      } catch (IOException e) {
        in.close();
        throw new DataFileException(file, problem(e, true), e);
      }
    }
    in = new Naming(in, file, gzip);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
    // Spreadsheet exports often start with a byte-order mark, which would otherwise stick to the first column name.
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  private static String problem(IOException e, boolean gzip) {
    if (!gzip) {
      return "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (e instanceof EOFException) {
      // GZIPInputStream's EOFException for a missing trailer has no message at all.
      return "the gzip data is cut short (the file is truncated" + (e.getMessage() == null ? ", its trailer missing)"
          : ": " + e.getMessage() + ")");
    }
    return "damaged gzip data (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
  }

  /** Turns any read failure into a {@link DataFileException} naming the file. */
  private static final class Naming extends FilterInputStream {
    private final Path file;
    private final boolean gzip;

    Naming(InputStream in, Path file, boolean gzip) {
      super(in);
      this.file = file;
      this.gzip = gzip;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (DataFileException e) {
        throw e;
      } catch (IOException e) {
        throw new DataFileException(file, problem(e, gzip), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (DataFileException e) {
        throw e;
      } catch (IOException e) {
        throw new DataFileException(file, problem(e, gzip), e);
      }
    }
  }
}
