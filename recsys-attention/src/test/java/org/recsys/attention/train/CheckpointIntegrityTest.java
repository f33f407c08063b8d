package org.recsys.attention.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.TrainingListener;
import org.recsys.attention.sasrec.SasRecNetworks;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** A checkpoint that was damaged, cut short or made on other data is refused, naming the file. */
class CheckpointIntegrityTest {
  private static final TrainingData DATA = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.tiny().withSize(90, 40, 8, 16))).trainingData();
  private static final TrainerSettings SETTINGS = new TrainerSettings(1, 32, 12, 1, 5, "NDCG@10", 0.005, 0.9, 0.98,
      1e-8, 0.0);

  @TempDir Path dir;

  private void train(TrainingData data, boolean resume) {
    try (TrainableNetwork net = SasRecNetworks.tiny(data.train().numItems(), 12, 3)) {
      new SequenceTrainer(SETTINGS).train(net, data, new TrainingContext(9, null, dir, resume, TrainingListener.NONE));
    }
  }

  @Test
  void zeroedBytesAreAChecksumMismatchNamingTheFile() throws IOException {
    train(DATA, false);
    Path file = dir.resolve(Checkpoint.FILE_NAME);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(f.length() / 2);
      f.write(new byte[64]);
    }
    // Before, 64 zeroed bytes in the weights resumed silently with other results.
    assertThatThrownBy(() -> train(DATA, true)).hasMessageContaining(file.toString())
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aCutShortOrDamagedHeaderNamesTheFile() throws IOException {
    train(DATA, false);
    Path file = dir.resolve(Checkpoint.FILE_NAME);
    byte[] all = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(all, all.length - 100));
    assertThatThrownBy(() -> train(DATA, true)).hasMessageContaining(file.toString())
        .hasMessageContaining("checksum mismatch");
    // Damage where the identity string is: before, "malformed input around byte 0" with no file.
    all[12] ^= (byte) 0xC0;
    Files.write(file, all);
    assertThatThrownBy(() -> train(DATA, true)).hasMessageContaining(file.toString())
        .hasMessageContaining("checksum mismatch");
    Files.write(file, new byte[5]);
    assertThatThrownBy(() -> train(DATA, true)).hasMessageContaining(file + ": checkpoint is truncated");
  }

  @Test
  void aCheckpointOfOtherDataWithTheSameItemCountIsRefused() {
    train(DATA, false);
    TrainingData other = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(
        SyntheticConfig.tiny().withSize(90, 40, 8, 16).withSeed(777))).trainingData();
    assertThat(other.train().numItems()).isEqualTo(DATA.train().numItems());
    assertThatThrownBy(() -> train(other, true)).hasMessageContaining("belongs to another run")
        .hasMessageContaining("data=crc32c:");
  }

  @Test
  void temporariesOfAKilledCheckpointWriteAreDeleted() throws IOException {
    Files.createDirectories(dir);
    Path stale = dir.resolve("." + Checkpoint.FILE_NAME + "12345.tmp");
    Path unrelated = dir.resolve(".notes.tmp");
    Files.writeString(stale, "partial");
    Files.writeString(unrelated, "someone else's");
    train(DATA, false);
    assertThat(stale).doesNotExist();
    assertThat(unrelated).exists();
  }
}
