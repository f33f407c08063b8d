package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumListTest {
  @TempDir Path dir;

  private void writeTree() throws IOException {
    AtomicFiles.writeString(dir.resolve("weights.bin"), "0123456789abcdef");
    AtomicFiles.writeString(dir.resolve("sub/items.vocab"), "a\nb\n");
  }

  @Test
  void listsEveryFileInSha256sumFormatAndVerifies() throws IOException {
    writeTree();
    Files.writeString(dir.resolve(".weights.bin123.tmp"), "left behind by a killed process");
    ChecksumList.write(dir);
    List<String> lines = Files.readAllLines(dir.resolve(ChecksumList.FILE_NAME));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("[0-9a-f]{64}  sub/items.vocab");
    assertThat(lines.get(1)).endsWith("  weights.bin");
    ChecksumList.verify(dir);
    ChecksumList.verify(dir, List.of("weights.bin"));
  }

  @Test
  void damagedTruncatedOrAppendedFilesAreNamed() throws IOException {
    writeTree();
    ChecksumList.write(dir);
    Path weights = dir.resolve("weights.bin");
    Files.writeString(weights, "garbage", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> ChecksumList.verify(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(weights.toString()).hasMessageContaining("checksum mismatch");
    Files.writeString(weights, "0123456789abcdeX");
    assertThatThrownBy(() -> ChecksumList.verify(dir, List.of("weights.bin"))).hasMessageContaining("checksum mismatch");
    Files.delete(dir.resolve("sub/items.vocab"));
    assertThatThrownBy(() -> ChecksumList.verify(dir, List.of("sub/items.vocab")))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("items.vocab").hasMessageContaining("missing");
  }

  @Test
  void aDirectoryWithoutAListIsIncomplete() throws IOException {
    writeTree();
    assertThat(ChecksumList.exists(dir)).isFalse();
    assertThatThrownBy(() -> ChecksumList.verify(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(ChecksumList.FILE_NAME).hasMessageContaining("not completely written");
    Files.writeString(dir.resolve(ChecksumList.FILE_NAME), "not a checksum\n");
    assertThatThrownBy(() -> ChecksumList.verify(dir)).hasMessageContaining(ChecksumList.FILE_NAME + ":1");
  }

  @Test
  void temporariesOfKilledWritesAreDeleted() throws IOException {
    writeTree();
    Path stale = dir.resolve("sub/.checkpoint.bin4711.tmp");
    Files.writeString(stale, "partial");
    AtomicFiles.deleteTemporaries(dir);
    assertThat(stale).doesNotExist();
    assertThat(dir.resolve("sub/items.vocab")).exists();
  }
}
