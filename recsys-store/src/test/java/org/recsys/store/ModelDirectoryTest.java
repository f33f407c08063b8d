package org.recsys.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;

class ModelDirectoryTest {
  record Params(double alpha, String kind) {}

  private static ModelManifest manifest() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("seed", 42);
    info.put("epochs", List.of(1, 2));
    info.put("note", "x");
    return ModelManifest.of("markov", "markov", 3, 17, null, new Params(0.5, "k"), info);
  }

  @Test
  void sealThenOpenGivesTheSameManifest(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("state.bin"), "weights");
    ModelManifest written = manifest();
    ModelDirectory.seal(dir, written);
    ModelManifest read = ModelDirectory.open(dir, "markov", 3);
    assertThat(read).isEqualTo(written);
    assertThat(read.params(Params.class, dir)).isEqualTo(new Params(0.5, "k"));
    assertThat(read.info()).containsExactly(Map.entry("seed", 42), Map.entry("epochs", List.of(1, 2)),
        Map.entry("note", "x"));
    assertThat(read.recsysVersion()).isEqualTo(RecsysVersion.current()).doesNotStartWith("${");
    assertThat(ChecksumList.exists(dir)).isTrue();
  }

  @Test
  void theFileFollowsTheDocumentedSchema(@TempDir Path dir) throws IOException {
    ModelDirectory.seal(dir, ModelManifest.of("sequential", "sasrec", 2, 5, "native", Map.of("a", 1), Map.of()));
    String json = Files.readString(dir.resolve(ModelManifest.FILE_NAME));
    assertThat(json).contains("\"manifest\" : 1", "\"type\" : \"sequential\"", "\"name\" : \"sasrec\"",
        "\"format\" : 2", "\"items\" : 5", "\"backend\" : \"native\"", "\"recsysVersion\"", "\"params\"",
        "\"info\"");
    assertThat(json.indexOf("\"manifest\"")).isLessThan(json.indexOf("\"type\""));
  }

  @Test
  void aModelWithoutBackendOmitsTheField(@TempDir Path dir) throws IOException {
    ModelDirectory.seal(dir, manifest());
    assertThat(Files.readString(dir.resolve(ModelManifest.FILE_NAME))).doesNotContain("backend");
    assertThat(ModelDirectory.open(dir).backend()).isNull();
  }

  @Test
  void aDamagedFileIsRefusedByName(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("state.bin"), "weights");
    ModelDirectory.seal(dir, manifest());
    Files.writeString(dir.resolve("state.bin"), "weightz");
    assertThatThrownBy(() -> ModelDirectory.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("state.bin");
  }

  @Test
  void anUnsealedDirectoryIsRefused(@TempDir Path dir) throws IOException {
    ModelDirectory.seal(dir, manifest());
    Files.delete(dir.resolve(ChecksumList.FILE_NAME));
    assertThatThrownBy(() -> ModelDirectory.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(ChecksumList.FILE_NAME).hasMessageContaining("never completely written");
  }

  @Test
  void anEmptyDirectoryIsNoModel(@TempDir Path dir) {
    assertThatThrownBy(() -> ModelDirectory.open(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("no saved model");
    assertThat(ModelDirectory.holdsModel(dir)).isFalse();
  }

  @Test
  void theOlderLayoutIsRefusedWithAReason(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("recsys-model.properties"), "type=sasrec\nitems=5\n");
    assertThat(ModelDirectory.holdsModel(dir)).isTrue();
    assertThatThrownBy(() -> ModelDirectory.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("recsys-model.properties").hasMessageContaining("older recsys");
  }

  @Test
  void aManifestWithoutSchemaVersionIsAnOlderModel(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(ModelManifest.FILE_NAME), "{\"type\":\"sequential\",\"format\":2}");
    ChecksumList.write(dir);
    assertThatThrownBy(() -> ModelDirectory.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(ModelManifest.FILE_NAME).hasMessageContaining("older recsys");
  }

  @Test
  void anotherTypeOrFormatIsRefusedNamingBoth(@TempDir Path dir) throws IOException {
    ModelDirectory.seal(dir, manifest());
    assertThatThrownBy(() -> ModelDirectory.open(dir, "pop", 3)).isInstanceOf(IOException.class)
        .hasMessageContaining("'markov'").hasMessageContaining("'pop'");
    assertThatThrownBy(() -> ModelDirectory.open(dir, "markov", 4)).isInstanceOf(IOException.class)
        .hasMessageContaining("format 3").hasMessageContaining("format 4");
  }

  @Test
  void malformedFieldsAreNamed(@TempDir Path dir) throws IOException {
    ModelDirectory.seal(dir, manifest());
    Path file = dir.resolve(ModelManifest.FILE_NAME);
    String good = Files.readString(file);
    for (var bad : Map.of(
        good.replace("\"items\" : 17", "\"items\" : 0"), "'items'",
        good.replace("\"items\" : 17", "\"items\" : 1.5"), "'items'",
        good.replace("\"name\" : \"markov\"", "\"name\" : 3"), "'name'",
        good.replace("\"info\"", "\"extra\" : 1, \"info\""), "unknown field 'extra'",
        good.replace("\"manifest\" : 1", "\"manifest\" : 9"), "schema 9",
        "{\"manifest\": ", "not valid JSON").entrySet()) {
      Files.writeString(file, bad.getKey());
      ChecksumList.write(dir);
      assertThatThrownBy(() -> ModelDirectory.open(dir)).as(bad.getValue()).isInstanceOf(IOException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining(bad.getValue());
    }
  }

  @Test
  void paramsThatDoNotBindNameTheFile(@TempDir Path dir) throws IOException {
    ModelDirectory.seal(dir, ModelManifest.of("markov", "markov", 3, 2, null, Map.of("alpha", 1, "beta", 2),
        Map.of()));
    assertThatThrownBy(() -> ModelDirectory.open(dir).params(Params.class, dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(ModelManifest.FILE_NAME).hasMessageContaining("beta");
  }
}
