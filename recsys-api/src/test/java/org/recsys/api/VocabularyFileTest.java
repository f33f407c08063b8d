package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyFileTest {
  @TempDir Path dir;

  @Test
  void roundTripsAndLeavesNoTemporaryFiles() throws IOException {
    ItemVocabulary v = ItemVocabulary.of(List.of("b", "a", "élan", "x y"));
    Path file = dir.resolve("m/items.vocab");
    VocabularyFile.write(v, file);
    assertThat(VocabularyFile.read(file)).isEqualTo(v);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .startsWith("rw-r--r--");
    }
  }

  @Test
  void failedWriteKeepsTheOldFile() throws IOException {
    Path file = dir.resolve("f.txt");
    AtomicFiles.writeString(file, "old");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write("partial".getBytes());
      throw new IOException("disk on fire");
    })).hasMessage("disk on fire");
    assertThat(Files.readString(file)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void badFilesAreNamed() throws IOException {
    assertThatThrownBy(() -> VocabularyFile.read(dir.resolve("none.vocab"))).hasMessageContaining("none.vocab");
    Path dup = dir.resolve("dup.vocab");
    Files.writeString(dup, "a\nb\na\n");
    assertThatThrownBy(() -> VocabularyFile.read(dup)).hasMessageContaining("dup.vocab").hasMessageContaining("duplicate");
    Path empty = dir.resolve("empty.vocab");
    Files.writeString(empty, "a\n\nb\n");
    assertThatThrownBy(() -> VocabularyFile.read(empty)).hasMessageContaining("empty.vocab:2");
  }
}
