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
import org.recsys.api.ConfigException;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.api.VocabularyFile;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** The {@code sequences} format: reading, writing, conversion, detection and malformed lines. */
class SequencesFormatTest {
  @TempDir Path dir;

  record Row(String user, String item, long time, double rating) {
    static Row of(String user, String item) {
      return new Row(user, item, InteractionSink.NO_TIME, Double.NaN);
    }
  }

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

  /** Every interaction of {@code data} as external ids, users in data set order, each user's in time order. */
  private static List<Row> interactions(SequenceDataset data) {
    List<Row> rows = new ArrayList<>();
    for (UserSequence u : data.users()) {
      for (int i = 0; i < u.length(); i++) {
        rows.add(Row.of(u.user(), data.items().externalId(u.item(i))));
      }
    }
    return rows;
  }

  @Test
  void readsOneLinePerUserInLineOrderWithoutTimes() throws IOException {
    Path f = write("beauty.txt", "u1 a b c\n\nu2\tb  d\r\n7 7 8 7\n");
    List<Row> rows = new ArrayList<>();
    ReadSummary s = DataFormat.SEQUENCES.reader(null, null, false).read(f, (u, i, t, r) -> rows.add(new Row(u, i,
        t, r)));
    assertThat(rows).containsExactly(Row.of("u1", "a"), Row.of("u1", "b"), Row.of("u1", "c"), Row.of("u2", "b"),
        Row.of("u2", "d"), Row.of("7", "7"), Row.of("7", "8"), Row.of("7", "7"));
    assertThat(s.format()).isEqualTo("sequences");
    assertThat(s.interactions()).isEqualTo(8);
    assertThat(s.hasTimestamps()).isFalse();
    assertThat(s.hasRatings()).isFalse();
    LoadedData loaded = DataPipeline.load(DataConfig.file(f, "sequences"));
    ItemVocabulary items = loaded.dataset().items();
    assertThat(loaded.dataset().users()).containsExactly(
        UserSequence.of("7", items.id("7"), items.id("8"), items.id("7")),
        UserSequence.of("u1", items.id("a"), items.id("b"), items.id("c")),
        UserSequence.of("u2", items.id("b"), items.id("d")));
    assertThat(loaded.provenance()).containsEntry("format", "sequences");
  }

  @Test
  void writesDenseIdsWithIdFilesAndReadsBackTheSameInteractions() throws IOException {
    SequenceDataset d = new SequenceDataset(ItemVocabulary.of(List.of("m7", "m3")), List.of(
        UserSequence.of("alice", 2, 1, 2), UserSequence.of("bob", 1)));
    Path f = dir.resolve("out.txt");
    SequencesTextWriter.write(d, f);
    assertThat(Files.readAllLines(f)).containsExactly("1 2 1 2", "2 1");
    assertThat(readBackThroughIdFiles(f)).isEqualTo(interactions(d));

    SequenceDataset synthetic = SyntheticGenerator.generate(SyntheticConfig.tiny());
    Path g = dir.resolve("tiny.txt");
    SequencesTextWriter.write(synthetic, g);
    assertThat(Files.readAllLines(g)).hasSize(synthetic.users().size());
    assertThat(readBackThroughIdFiles(g)).isEqualTo(interactions(synthetic));
  }

  /** Reads a written file and maps its dense ids back through {@code FILE.users} and {@code FILE.items.vocab}. */
  private static List<Row> readBackThroughIdFiles(Path file) throws IOException {
    List<String> users = Files.readAllLines(SasRecTextWriter.sibling(file, ".users"));
    ItemVocabulary items = VocabularyFile.read(SasRecTextWriter.sibling(file, ".items.vocab"));
    List<Row> rows = new ArrayList<>();
    for (Row r : read(new SequencesTextReader(false), file)) {
      rows.add(Row.of(users.get(Integer.parseInt(r.user()) - 1), items.externalId(Integer.parseInt(r.item()))));
    }
    return rows;
  }

  @Test
  void aUserWithoutItemsCannotBeWritten() {
    SequenceDataset d = new SequenceDataset(ItemVocabulary.of(List.of("a")), List.of(
        UserSequence.of("alice", 1), UserSequence.of("bob")));
    Path f = dir.resolve("empty-user.txt");
    assertThatThrownBy(() -> SequencesTextWriter.write(d, f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user 'bob' has no items");
    assertThat(f).doesNotExist();
  }

  @Test
  void sasRecToSequencesAndBackGivesTheSameData() throws IOException {
    // Dense ids in canonical order, as the writers produce them, so the files themselves must come back equal.
    String sasrec = "1 3\n1 1\n1 2\n2 2\n2 4\n2 2\n3 1\n3 4\n3 3\n3 5\n";
    Path original = write("original.txt", sasrec);
    LoadedData fromSasRec = DataPipeline.load(DataConfig.file(original, "sasrec"));

    Path sequences = DataPipeline.convert(fromSasRec, DataPipeline.Target.SEQUENCES, dir.resolve("seq.txt"), null);
    assertThat(Files.readString(sequences)).isEqualTo("1 3 1 2\n2 2 4 2\n3 1 4 3 5\n");
    LoadedData fromSequences = DataPipeline.load(DataConfig.file(sequences, "auto"));
    assertThat(fromSequences.provenance()).containsEntry("format", "sequences");
    assertThat(fromSequences.dataset()).isEqualTo(fromSasRec.dataset());

    Path back = DataPipeline.convert(fromSequences, DataPipeline.Target.SASREC, dir.resolve("back.txt"), null);
    assertThat(Files.readString(back)).isEqualTo(sasrec);
    LoadedData again = DataPipeline.load(DataConfig.file(back, "auto"));
    assertThat(again.provenance()).containsEntry("format", "sasrec");
    assertThat(again.dataset()).isEqualTo(fromSasRec.dataset());
  }

  @Test
  void autoTellsSequencesFromSasRecTextByContent() throws IOException {
    FormatRegistry formats = FormatRegistry.installed();
    assertThat(formats.detect("data.format", write("Beauty.txt", "1 1 2 3 4 5\n2 3 4\n"))).isEqualTo(
        DataFormat.SEQUENCES);
    assertThat(formats.detect("data.format", write("ml-1m.txt", "1 1\n1 2\n2 3\n"))).isEqualTo(DataFormat.SASREC);
    // One line of more than two tokens makes a file sequences; users with one item each read the same either way.
    assertThat(formats.detect("data.format", write("mixed.txt", "1 5\n2 6\n3 7 8\n"))).isEqualTo(
        DataFormat.SEQUENCES);
    Path gz = dir.resolve("Yelp.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("\n\n10 20 30\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(formats.detect("data.format", gz)).isEqualTo(DataFormat.SEQUENCES);
    // Other names are told as before, without reading the file.
    assertThat(formats.detect("data.format", dir.resolve("ratings.dat"))).isEqualTo(DataFormat.MOVIELENS_DAT);
  }

  @Test
  void onlyTheFirstLinesAreSampledAndTheSasRecReaderPointsAtSequences() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int u = 1; u <= ContentRecognition.SAMPLE_LINES; u++) {
      sb.append(u).append(' ').append(u).append('\n');
    }
    sb.append("9999 1 2\n");
    Path late = write("late.txt", sb.toString());
    assertThat(FormatRegistry.installed().detect("data.format", late)).isEqualTo(DataFormat.SASREC);
    assertThatThrownBy(() -> DataPipeline.load(DataConfig.file(late, "auto")))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> assertThat(e.lineNumber())
            .isEqualTo(ContentRecognition.SAMPLE_LINES + 1))
        .hasMessageContaining("is format 'sequences'");
    assertThat(DataPipeline.load(DataConfig.file(late, "sequences")).dataset().numInteractions())
        .isEqualTo(ContentRecognition.SAMPLE_LINES + 2);
  }

  @Test
  void aMissingFileIsLeftToTheReaderToReport() {
    Path missing = dir.resolve("nope.txt");
    DataConfig config = DataConfig.file(missing, "auto");
    assertThat(config.resolvedFormat()).isEqualTo(DataFormat.SASREC);
    assertThatThrownBy(() -> DataPipeline.load(config)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope.txt");
  }

  /** Claims {@code .txt} and recognises any content: with sasrec or sequences, a file fits two formats. */
  record AnyText() implements DataFormat, ContentRecognition {
    @Override
    public String name() {
      return "any-text";
    }

    @Override
    public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
      return DataFormat.SASREC.reader(columns, delimiter, lenient);
    }

    @Override
    public boolean recognises(String fileName) {
      return fileName.endsWith(".txt");
    }

    @Override
    public boolean recognisesContent(List<String> firstLines) {
      return true;
    }
  }

  @Test
  void contentThatFitsSeveralFormatsIsAConfigErrorNamingThem() throws IOException {
    FormatRegistry formats = FormatRegistry.of(List.of(DataFormat.SASREC, DataFormat.SEQUENCES, new AnyText()));
    Path f = write("s.txt", "1 2 3\n");
    assertThatThrownBy(() -> formats.detect("data.format", f))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.format"))
        .hasMessageContaining("'s.txt' could be in any of the formats [sasrec, sequences, any-text]")
        .hasMessageContaining("its first lines fit all of [sequences, any-text]");
  }

  @Test
  void malformedLinesNameFileAndLine() throws IOException {
    Path noItems = write("no-items.txt", "u1 a b\nu2 \n");
    assertThatThrownBy(() -> read(new SequencesTextReader(false), noItems))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.file()).isEqualTo(noItems);
          assertThat(e.lineNumber()).isEqualTo(2);
        })
        .hasMessage(noItems + ":2: user 'u2' has no items; expected 'user item item ...' separated by whitespace:"
            + " 'u2 '");
    Path twice = write("twice.txt", "u1 a b\n\nu2 c d\nu1 e f\n");
    assertThatThrownBy(() -> read(new SequencesTextReader(false), twice))
        .hasMessage(twice + ":4: user 'u1' already has line 1; the sequences format has one line per user:"
            + " 'u1 e f'");
  }

  @Test
  void lenientModeSkipsAndCountsMalformedLines() throws IOException {
    Path f = write("mixed.txt", "u1 a b\nu2\nu3 c\nu1 d\n");
    List<Row> rows = new ArrayList<>();
    ReadSummary s = new SequencesTextReader(true).read(f, (u, i, t, r) -> rows.add(new Row(u, i, t, r)));
    assertThat(rows).containsExactly(Row.of("u1", "a"), Row.of("u1", "b"), Row.of("u3", "c"));
    assertThat(s.skippedLines()).isEqualTo(2);
    assertThat(s.skippedExamples()).hasSize(2);
    assertThat(s.skippedExamples().get(0)).startsWith(f + ":2:");
    assertThat(s.skippedExamples().get(1)).startsWith(f + ":4:");
  }

  @Test
  void filesWithoutInteractionsAreClearErrors() throws IOException {
    Path empty = write("empty.txt", "");
    assertThatThrownBy(() -> read(new SequencesTextReader(false), empty))
        .hasMessage(empty + ": no interactions (empty file)");
    Path blank = write("blank.txt", "\n  \n");
    assertThatThrownBy(() -> read(new SequencesTextReader(false), blank))
        .hasMessage(blank + ": no interactions (only blank lines)");
    Path allBad = write("allbad.txt", "x\ny\n");
    assertThatThrownBy(() -> read(new SequencesTextReader(true), allBad))
        .hasMessageContaining("all 2 data lines were malformed");
  }
}
