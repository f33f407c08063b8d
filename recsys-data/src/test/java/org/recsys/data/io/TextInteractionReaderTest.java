package org.recsys.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInteractionReaderTest {
  @TempDir Path dir;

  record Row(String user, String item, long time, double rating) {}

  private static List<Row> read(InteractionReader reader, Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    reader.read(file, (u, i, t, r) -> rows.add(new Row(u, i, t, r)));
    return rows;
  }

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsSasRecTextWithAnyWhitespaceAndBlankLines() throws IOException {
    Path f = write("d.txt", "1 10\n1\t11\n\n2   10\r\n");
    assertThat(read(TextInteractionReader.sasRec(false), f)).containsExactly(
        new Row("1", "10", InteractionSink.NO_TIME, Double.NaN), new Row("1", "11", InteractionSink.NO_TIME, Double.NaN),
        new Row("2", "10", InteractionSink.NO_TIME, Double.NaN));
  }

  @Test
  void readsMovieLensDatAndUData() throws IOException {
    Path dat = write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n");
    assertThat(read(TextInteractionReader.movieLensDat(false), dat)).containsExactly(
        new Row("1", "1193", 978300760L, 5.0), new Row("1", "661", 978302109L, 3.0));
    Path udata = write("u.data", "196\t242\t3\t881250949\n");
    assertThat(read(TextInteractionReader.movieLensUData(false), udata)).containsExactly(
        new Row("196", "242", 881250949L, 3.0));
  }

  @Test
  void readsRecBoleByHeaderNamesInAnyColumnOrder() throws IOException {
    Path f = write("x.inter", "timestamp:float\titem_id:token\tuser_id:token\trating:float\n"
        + "881250949.0\t242\t196\t3\n881250950\t302\t186\t4.5\n");
    assertThat(read(TextInteractionReader.recBole(null, false), f)).containsExactly(
        new Row("196", "242", 881250949L, 3.0), new Row("186", "302", 881250950L, 4.5));
    Path noTime = write("y.inter", "user_id:token\titem_id:token\nu\ti\n");
    assertThat(read(TextInteractionReader.recBole(null, false), noTime)).containsExactly(
        new Row("u", "i", InteractionSink.NO_TIME, Double.NaN));
  }

  @Test
  void readsGzipByContent() throws IOException {
    Path f = dir.resolve("data.txt"); // no .gz suffix: recognised by the magic bytes
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("1 2\n3 4\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read(TextInteractionReader.sasRec(false), f)).extracting(Row::item).containsExactly("2", "4");
  }

  @Test
  void malformedLinesNameFileLineAndLine() throws IOException {
    Path f = write("bad.dat", "1::10::5::100\n1::11::5::abc\n");
    assertThatThrownBy(() -> read(TextInteractionReader.movieLensDat(false), f))
        .isInstanceOf(MalformedDataException.class)
        .hasMessage(f + ":2: non-numeric timestamp 'abc': '1::11::5::abc'");
    Path g = write("bad.txt", "1 10\n1 10 3\n");
    assertThatThrownBy(() -> read(TextInteractionReader.sasRec(false), g))
        .hasMessage(g + ":2: expected 2 fields separated by whitespace, found more (one line per user, 'user item"
            + " item ...', is format 'sequences'): '1 10 3'");
    Path h = write("short.data", "1\t2\t3\n");
    assertThatThrownBy(() -> read(TextInteractionReader.movieLensUData(false), h))
        .hasMessageContaining(h + ":1: expected 4 fields separated by tabs, found 3");
    Path r = write("rating.dat", "1::10::five::100\n");
    assertThatThrownBy(() -> read(TextInteractionReader.movieLensDat(false), r))
        .hasMessageContaining("non-numeric rating 'five'");
  }

  @Test
  void lenientModeSkipsAndCounts() throws IOException {
    Path f = write("mixed.dat", "1::10::5::100\nbroken\n1::11::4::x\n2::10::3::300\n");
    List<Row> rows = new ArrayList<>();
    ReadSummary s = TextInteractionReader.movieLensDat(true).read(f, (u, i, t, r) -> rows.add(new Row(u, i, t, r)));
    assertThat(rows).hasSize(2);
    assertThat(s.interactions()).isEqualTo(2);
    assertThat(s.skippedLines()).isEqualTo(2);
    assertThat(s.skippedExamples()).hasSize(2).first().asString().contains(":2:");
    assertThat(s.hasTimestamps()).isTrue();
  }

  @Test
  void emptyMissingAndHeaderlessFilesAreClearErrors() throws IOException {
    Path empty = write("empty.txt", "");
    assertThatThrownBy(() -> read(TextInteractionReader.sasRec(false), empty))
        .hasMessage(empty + ": no interactions (empty file)");
    assertThatThrownBy(() -> read(TextInteractionReader.sasRec(false), dir.resolve("nope.txt")))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.txt");
    Path noItem = write("z.inter", "user_id:token\tmovie:token\n1\t2\n");
    assertThatThrownBy(() -> read(TextInteractionReader.recBole(null, false), noItem))
        .hasMessageContaining(noItem + ":1: missing column 'item_id'");
    assertThat(read(TextInteractionReader.recBole(new ColumnMapping(null, "movie", null, null), false), noItem))
        .containsExactly(new Row("1", "2", InteractionSink.NO_TIME, Double.NaN));
    Path allBad = write("allbad.txt", "x\ny\n");
    assertThatThrownBy(() -> read(TextInteractionReader.sasRec(true), allBad))
        .hasMessageContaining("all 2 data lines were malformed");
  }
}
