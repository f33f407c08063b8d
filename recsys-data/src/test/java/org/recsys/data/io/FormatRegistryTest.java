package org.recsys.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;

class FormatRegistryTest {
  @TempDir Path dir;

  /** A format of one's own: {@code user;item} lines in time order, in {@code .semi} files. */
  record Semicolons() implements DataFormat {
    @Override
    public String name() {
      return "semicolons";
    }

    @Override
    public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
      return (file, sink) -> {
        long n = 0;
        try (BufferedReader in = DataFiles.open(file)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] f = line.split(";");
            sink.accept(f[0], f[1], InteractionSink.NO_TIME, Double.NaN);
            n++;
          }
        }
        return new ReadSummary(file, name(), n, 0, List.of(), false, false);
      };
    }

    @Override
    public boolean recognises(String fileName) {
      return fileName.endsWith(".semi");
    }
  }

  @Test
  void theBuiltInFormatsRegisterThroughServiceLoader() {
    FormatRegistry installed = FormatRegistry.installed();
    assertThat(installed.names()).containsExactly("sasrec", "sequences", "movielens-dat", "movielens-udata",
        "recbole", "csv", "tsv");
    assertThat(installed.parse("data.format", "CSV")).isEqualTo(DataFormat.CSV);
    assertThat(installed.detect("data.format", Path.of("a/B.TSV.gz"))).isEqualTo(DataFormat.TSV);
  }

  @Test
  void aFormatOfYourOwnIsFoundByNameAndByFileNameAndRead() throws Exception {
    FormatRegistry formats = FormatRegistry.of(List.of(DataFormat.CSV, new Semicolons()));
    Path file = dir.resolve("log.semi");
    Files.writeString(file, "u1;a\nu1;b\nu1;c\nu2;a\nu2;c\nu2;b\n");
    DataFormat detected = formats.detect("data.format", file);
    assertThat(detected).isEqualTo(new Semicolons());
    assertThat(formats.parse("data.format", "Semicolons")).isEqualTo(detected);
    // The config's own format name is checked against the class path, where this format is not registered.
    LoadedData data = DataPipeline.load(DataConfig.file(file, "csv"), detected);
    assertThat(data.dataset().users()).hasSize(2);
    assertThat(data.provenance()).containsEntry("format", "semicolons");
  }

  @Test
  void unknownOrAmbiguousNamesAreConfigErrors() {
    FormatRegistry formats = FormatRegistry.of(List.of(DataFormat.CSV, new Semicolons()));
    assertThatThrownBy(() -> formats.parse("data.format", "parquet")).isInstanceOf(ConfigException.class)
        .hasMessage("unknown data format 'parquet'; valid: csv, semicolons, auto");
    assertThatThrownBy(() -> formats.detect("data.format", Path.of("x.txt")))
        .hasMessageContaining("cannot tell the format of 'x.txt' from its name; set it to one of csv, semicolons");
    DataFormat alsoCsv = new DataFormat() {
      @Override
      public String name() {
        return "excel-csv";
      }

      @Override
      public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
        return DataFormat.CSV.reader(columns, delimiter, lenient);
      }

      @Override
      public boolean recognises(String fileName) {
        return fileName.endsWith(".csv");
      }
    };
    assertThatThrownBy(() -> FormatRegistry.of(List.of(DataFormat.CSV, alsoCsv)).detect("data.format", Path.of("r.csv")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.format"))
        .hasMessageContaining("'r.csv' could be in any of the formats [csv, excel-csv]");
  }

  @Test
  void autoIsReserved() {
    DataFormat auto = new DataFormat() {
      @Override
      public String name() {
        return "Auto";
      }

      @Override
      public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
        return DataFormat.CSV.reader(columns, delimiter, lenient);
      }

      @Override
      public boolean recognises(String fileName) {
        return false;
      }
    };
    assertThatThrownBy(() -> FormatRegistry.of(List.of(auto))).hasMessageContaining("'auto' is reserved");
  }
}
