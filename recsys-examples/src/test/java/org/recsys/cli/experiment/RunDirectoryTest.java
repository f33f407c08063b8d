package org.recsys.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ChecksumList;
import org.recsys.cli.UsageException;

/** The states a killed commit can leave, and what each mode does with what is there. */
class RunDirectoryTest {
  @TempDir Path dir;

  private RunDirectory finishedRun(String content) throws IOException {
    RunDirectory run = RunDirectory.of(dir.resolve("run"));
    Path work = run.begin(run.finished() ? RunMode.OVERWRITE : RunMode.NEW);
    AtomicFiles.writeString(work.resolve("metrics.json"), content);
    run.commit();
    return run;
  }

  private static String metrics(RunDirectory run) throws IOException {
    return Files.readString(run.target().resolve("metrics.json"));
  }

  @Test
  void aCommitKilledBetweenItsRenamesIsCompletedWithTheNewRun() throws IOException {
    RunDirectory run = finishedRun("old");
    // Sealed but not yet moved: the new run is complete, so it wins.
    Path work = run.begin(RunMode.OVERWRITE);
    AtomicFiles.writeString(work.resolve("metrics.json"), "new");
    ChecksumList.write(work);
    run.recover();
    assertThat(metrics(run)).isEqualTo("new");
    assertThat(run.staging()).doesNotExist();

    // Old run moved aside, new one not yet in place.
    work = run.begin(RunMode.OVERWRITE);
    AtomicFiles.writeString(work.resolve("metrics.json"), "newer");
    ChecksumList.write(work);
    Files.move(run.target(), dir.resolve(".run.old"));
    run.recover();
    assertThat(metrics(run)).isEqualTo("newer");
    ChecksumList.verify(run.target());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(run.target());
    }
  }

  @Test
  void anUnsealedAttemptNeverReplacesTheFinishedRun() throws IOException {
    RunDirectory run = finishedRun("old");
    Path work = run.begin(RunMode.OVERWRITE);
    AtomicFiles.writeString(work.resolve("metrics.json"), "half");
    run.recover();
    assertThat(metrics(run)).isEqualTo("old");
    assertThat(run.interrupted()).isTrue();
    assertThatThrownBy(() -> RunDirectory.of(dir.resolve("run")).begin(RunMode.NEW)).isInstanceOf(UsageException.class);
  }

  @Test
  void resumingAFinishedRunWorksOnACopy() throws IOException {
    RunDirectory run = finishedRun("old");
    Path work = run.begin(RunMode.RESUME);
    assertThat(Files.readString(work.resolve("metrics.json"))).isEqualTo("old");
    // The copy is not sealed, so a crash now cannot make it look like a finished run.
    assertThat(ChecksumList.exists(work)).isFalse();
    assertThat(metrics(run)).isEqualTo("old");
    AtomicFiles.writeString(work.resolve("metrics.json"), "extended");
    run.commit();
    assertThat(metrics(run)).isEqualTo("extended");
  }

  @Test
  void resumeCleansTheTemporariesOfAKilledWrite() throws IOException {
    RunDirectory run = RunDirectory.of(dir.resolve("run"));
    Path work = run.begin(RunMode.NEW);
    Path stale = work.resolve("checkpoint/.checkpoint.bin123.tmp");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "partial");
    run.begin(RunMode.RESUME);
    assertThat(stale).doesNotExist();
  }
}
