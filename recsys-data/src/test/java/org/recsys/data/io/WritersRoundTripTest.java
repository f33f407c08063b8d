package org.recsys.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.api.VocabularyFile;
import org.recsys.data.preprocess.Interactions;
import org.recsys.data.preprocess.Preprocessor;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

class WritersRoundTripTest {
  @TempDir Path dir;

  private static SequenceDataset readBack(InteractionReader reader, Path file) throws IOException {
    Interactions.Builder b = Interactions.builder();
    reader.read(file, b);
    return new Preprocessor(null).apply(b.build()).dataset();
  }

  @Test
  void recBoleRoundTripKeepsIdsOrderAndTimes() throws IOException {
    SequenceDataset d = SyntheticGenerator.generate(SyntheticConfig.tiny());
    Path inter = RecBoleAtomicWriter.write(d, dir, "tiny", Map.of("1", "One\tTitle", "2", "Two"));
    assertThat(inter.getFileName().toString()).isEqualTo("tiny.inter");
    assertThat(readBack(TextInteractionReader.recBole(null, false), inter)).isEqualTo(d);
    assertThat(Files.readAllLines(dir.resolve("tiny.item")))
        .containsExactly("item_id:token\ttitle:token_seq", "1\tOne Title", "2\tTwo");
    assertThat(RecBoleItemReader.titles(dir.resolve("tiny.item"), null, null)).containsEntry("1", "One Title");
  }

  @Test
  void sasRecTextUsesDenseIdsAndWritesTheIdFiles() throws IOException {
    SequenceDataset d = new SequenceDataset(ItemVocabulary.of(List.of("m7", "m3")), List.of(
        UserSequence.of("alice", 2, 1, 2), UserSequence.of("bob", 1)));
    Path f = dir.resolve("out.txt");
    SasRecTextWriter.write(d, f);
    assertThat(Files.readAllLines(f)).containsExactly("1 2", "1 1", "1 2", "2 1");
    assertThat(VocabularyFile.read(dir.resolve("out.txt.items.vocab"))).isEqualTo(d.items());
    assertThat(Files.readAllLines(dir.resolve("out.txt.users"))).containsExactly("alice", "bob");
    SequenceDataset back = readBack(TextInteractionReader.sasRec(false), f);
    assertThat(back.users()).containsExactly(UserSequence.of("1", 2, 1, 2), UserSequence.of("2", 1));
  }
}
