package org.recsys.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.baselines.markov.MarkovModel;
import org.recsys.baselines.markov.MarkovParams;

class ModelManifestTest {
  @Test
  void roundTripsTypeParamsAndInfo(@TempDir Path dir) throws IOException {
    ModelManifest.of("markov", 1, new MarkovParams(0.5, 0.2), Map.of("items", "4")).write(dir);
    ModelManifest read = ModelManifest.read(dir, "markov", 1);
    assertThat(read.params(MarkovParams.class, dir)).isEqualTo(new MarkovParams(0.5, 0.2));
    assertThat(read.info()).containsEntry("items", "4");
  }

  @Test
  void aMissingManifestSaysWhichDirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> MarkovModel.load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.resolve(ModelManifest.FILE_NAME).toString()).hasMessageContaining("'markov'");
  }

  @Test
  void anInvalidSavedParameterNamesTheFileAndKey(@TempDir Path dir) throws IOException {
    MarkovModel.train(HandData.train(), MarkovParams.defaults()).save(dir);
    Path file = dir.resolve(ModelManifest.FILE_NAME);
    Files.writeString(file, Files.readString(file).replace("\"smoothing\" : 0.0", "\"smoothing\" : -2.0"));
    assertThatThrownBy(() -> MarkovModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("smoothing must be");
  }

  @Test
  void anotherFormatVersionIsRefused(@TempDir Path dir) throws IOException {
    ModelManifest.of("pop", 7, Map.of(), Map.of()).write(dir);
    assertThatThrownBy(() -> ModelManifest.read(dir, "pop", 1)).isInstanceOf(IOException.class)
        .hasMessageContaining("unsupported format 7");
  }

  @Test
  void malformedJsonNamesTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(ModelManifest.FILE_NAME), "{\"type\": ");
    assertThatThrownBy(() -> ModelManifest.read(dir, "pop", 1)).isInstanceOf(IOException.class)
        .hasMessageContaining(ModelManifest.FILE_NAME).hasMessageContaining("not valid JSON");
  }
}
