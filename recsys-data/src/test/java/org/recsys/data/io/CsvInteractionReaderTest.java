package org.recsys.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInteractionReaderTest {
  @TempDir Path dir;

  record Row(String user, String item, long time, double rating) {}

  private static List<Row> read(InteractionReader reader, Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    reader.read(file, (u, i, t, r) -> rows.add(new Row(u, i, t, r)));
    return rows;
  }

  @Test
  void mapsNamedColumnsAndHandlesQuotes() throws IOException {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, "userId,movieId,rating,timestamp,comment\n"
        + "7,\"a,b\",4.5,100,\"said \"\"hi\"\"\"\n8,c,2,200,\n");
    ColumnMapping m = new ColumnMapping("userId", "movieId", "timestamp", "rating");
    assertThat(read(new CsvInteractionReader(m, ',', false), f)).containsExactly(
        new Row("7", "a,b", 100, 4.5), new Row("8", "c", 200, 2.0));
  }

  @Test
  void ignoresAByteOrderMark() throws IOException {
    Path f = dir.resolve("bom.csv");
    Files.writeString(f, "\uFEFFuser,item\nu,i\n");
    assertThat(read(new CsvInteractionReader(null, ',', false), f)).extracting(Row::user).containsExactly("u");
  }

  @Test
  void parsesIsoDatesAndReadsTsv() throws IOException {
    Path f = dir.resolve("r.tsv");
    Files.writeString(f, "user\titem\ttimestamp\nu\ti\t1970-01-02T00:00:00Z\nu\tj\t1970-01-03\nu\tk\t1970-01-01T00:01:00\n");
    assertThat(read(DataFormat.TSV.reader(null, null, false), f)).extracting(Row::time)
        .containsExactly(86_400L, 172_800L, 60L);
  }

  @Test
  void withoutTheDefaultTimestampColumnFileOrderIsUsed() throws IOException {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, "user,item\nu,i\n");
    assertThat(read(new CsvInteractionReader(null, ',', false), f))
        .containsExactly(new Row("u", "i", InteractionSink.NO_TIME, Double.NaN));
    // A timestamp column the user names must exist, even under the default's name.
    for (String named : new String[] {"timestamp", "time"}) {
      ColumnMapping m = new ColumnMapping(null, null, named, null);
      assertThatThrownBy(() -> read(new CsvInteractionReader(m, ',', false), f))
          .hasMessage(f + ":1: missing timestamp column '" + named + "' (columns: [user, item])");
    }
  }

  @Test
  void errorsNameTheFileLineAndColumns() throws IOException {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, "user,item,timestamp\nu,i,10\nu,j,yesterday\n");
    assertThatThrownBy(() -> read(new CsvInteractionReader(null, ',', false), f))
        .isInstanceOf(MalformedDataException.class)
        .hasMessage(f + ":3: timestamp 'yesterday' is neither a number nor an ISO-8601 date-time: 'u,j,yesterday'");
    ColumnMapping m = new ColumnMapping("customer", null, null, null);
    assertThatThrownBy(() -> read(new CsvInteractionReader(m, ',', false), f))
        .hasMessage(f + ":1: missing user column 'customer' (columns: [user, item, timestamp])");
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "user,item,timestamp\nu,i\nu,j,5\n");
    assertThatThrownBy(() -> read(new CsvInteractionReader(null, ',', false), ragged))
        .hasMessageContaining(ragged + ":2: expected 3 fields, found 2");
    List<Row> rows = new ArrayList<>();
    ReadSummary s = new CsvInteractionReader(null, ',', true).read(ragged, (u, i, t, r) -> rows.add(new Row(u, i, t, r)));
    assertThat(s.skippedLines()).isEqualTo(1);
    assertThat(rows).containsExactly(new Row("u", "j", 5, Double.NaN));
    Path headerOnly = dir.resolve("h.csv");
    Files.writeString(headerOnly, "user,item\n");
    assertThatThrownBy(() -> read(new CsvInteractionReader(null, ',', false), headerOnly))
        .hasMessage(headerOnly + ": no interactions (only a header)");
  }

  @Test
  void formatNamesAndDetection() {
    assertThat(DataFormat.parse("data.format", "RecBole")).isEqualTo(DataFormat.RECBOLE);
    assertThat(DataFormat.detect("data.format", Path.of("x/ratings.dat.gz"))).isEqualTo(DataFormat.MOVIELENS_DAT);
    assertThat(DataFormat.detect("data.format", Path.of("u.data"))).isEqualTo(DataFormat.MOVIELENS_UDATA);
    assertThat(DataFormat.detect("data.format", Path.of("ml-100k.inter"))).isEqualTo(DataFormat.RECBOLE);
    assertThatThrownBy(() -> DataFormat.parse("data.format", "parquet"))
        .hasMessageContaining("valid: sasrec, sequences, movielens-dat, movielens-udata, recbole, csv, tsv");
    assertThatThrownBy(() -> DataFormat.detect("data.format", Path.of("data.bin")))
        .hasMessageContaining("cannot tell the format of 'data.bin'");
  }
}
