package org.recsys.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.baselines.markov.MarkovModel;
import org.recsys.baselines.markov.MarkovParams;
import org.recsys.baselines.pop.PopModel;
import org.recsys.store.ModelDirectory;
import org.recsys.store.ModelManifest;

/** The baselines write the one manifest schema and refuse what is not theirs. */
class SavedBaselinesTest {
  @Test
  void aSavedMarkovModelDeclaresItselfInTheManifest(@TempDir Path dir) throws IOException {
    MarkovModel model = MarkovModel.train(HandData.train(), new MarkovParams(0.5, 0.2));
    model.save(dir);
    ModelManifest manifest = ModelDirectory.open(dir);
    assertThat(manifest.type()).isEqualTo("markov");
    assertThat(manifest.name()).isEqualTo("markov");
    assertThat(manifest.items()).isEqualTo(model.numItems());
    assertThat(manifest.backend()).isNull();
    assertThat(manifest.params(MarkovParams.class, dir)).isEqualTo(new MarkovParams(0.5, 0.2));
    assertThat(manifest.info()).containsKeys("interactions", "distinctTransitions");
  }

  @Test
  void aMissingManifestSaysWhichDirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> MarkovModel.load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("no saved model");
  }

  @Test
  void anInvalidSavedParameterNamesTheFileAndKey(@TempDir Path dir) throws IOException {
    MarkovModel.train(HandData.train(), MarkovParams.defaults()).save(dir);
    Path file = dir.resolve(ModelManifest.FILE_NAME);
    Files.writeString(file, Files.readString(file).replace("\"smoothing\" : 0.0", "\"smoothing\" : -2.0"));
    ChecksumList.write(dir);
    assertThatThrownBy(() -> MarkovModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("smoothing must be");
  }

  @Test
  void aModelOfAnotherTypeIsRefused(@TempDir Path dir) throws IOException {
    PopModel.train(HandData.train()).save(dir);
    assertThatThrownBy(() -> MarkovModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("'pop'").hasMessageContaining("'markov'");
  }

  @Test
  void anEditedFileIsRefusedByItsChecksum(@TempDir Path dir) throws IOException {
    PopModel.train(HandData.train()).save(dir);
    Path file = dir.resolve(ModelManifest.FILE_NAME);
    Files.writeString(file, Files.readString(file).replace("\"items\"", " \"items\""));
    assertThatThrownBy(() -> PopModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(ModelManifest.FILE_NAME);
  }
}
