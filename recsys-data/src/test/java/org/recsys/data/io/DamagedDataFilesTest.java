package org.recsys.data.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data file that is cut short or damaged is an error naming the file and what is wrong with it. */
class DamagedDataFilesTest {
  @TempDir Path dir;

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static String lines(String header, int n) {
    StringBuilder sb = new StringBuilder(header);
    for (int i = 0; i < n; i++) {
      sb.append("u").append(i % 50).append(' ').append(i % 97).append('\n');
    }
    return sb.toString();
  }

  private static void read(InteractionReader reader, Path file) throws IOException {
    reader.read(file, (u, i, t, r) -> { });
  }

  @Test
  void aTruncatedGzipTextFileIsNamed() throws IOException {
    Path f = dir.resolve("d.txt.gz");
    byte[] all = gzip(lines("", 20000));
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    // Before: "EOFException" with no file name.
    assertThatThrownBy(() -> read(TextInteractionReader.sasRec(false), f)).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(f + ": the gzip data is cut short");
  }

  @Test
  void aGzipCsvWithoutItsTrailerIsNamed() throws IOException {
    Path f = dir.resolve("d.csv.gz");
    byte[] all = gzip(lines("user,item\n", 50).replace(' ', ','));
    Files.write(f, Arrays.copyOf(all, all.length - 8));
    // Before: "cannot parse CSV: null: ''".
    assertThatThrownBy(() -> read(new CsvInteractionReader(null, ',', false), f))
        .isInstanceOf(DataFileException.class)
        .hasMessage(f + ": the gzip data is cut short (the file is truncated, its trailer missing)");
  }

  @Test
  void damagedGzipDataIsNamed() throws IOException {
    Path f = dir.resolve("d.txt.gz");
    byte[] all = gzip(lines("", 2000));
    for (int i = 20; i < 60; i++) {
      all[i] = (byte) 0xFF;
    }
    Files.write(f, all);
    assertThatThrownBy(() -> read(TextInteractionReader.sasRec(false), f)).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(f + ": damaged gzip data");
  }

  @Test
  void aHeaderOnlyFileIsNotCalledEmpty() throws IOException {
    Path f = dir.resolve("d.inter");
    Files.writeString(f, "user_id:token\titem_id:token\n");
    // Before: "no interactions (empty file)".
    assertThatThrownBy(() -> read(TextInteractionReader.recBole(null, false), f))
        .hasMessage(f + ": no interactions (only a header line)");
    Files.writeString(f, "user_id:token\titem_id:token\n\n\n");
    assertThatThrownBy(() -> read(TextInteractionReader.recBole(null, false), f))
        .hasMessage(f + ": no interactions (only blank lines after the header)");
  }
}
